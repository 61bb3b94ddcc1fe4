import { DateTime } from 'luxon';
import type { AgendaItem } from './agenda-items';
import type { LocalDate, LocalTime } from './when/local-date';

export type MeetingStatus = 'planned' | 'started' | 'ended' | 'cancelled';

export interface Meeting {
  meetingId: string;
  networkId: string;
  title: string;
  /** The day and wall-clock times in the network's zone, as planned. */
  date: LocalDate;
  start: LocalTime;
  end: LocalTime;
  timeZone: string;
  /** The same, as instants (UTC ISO); what queries and comparisons use. */
  startsAt: string;
  endsAt: string;
  mode: 'digital' | 'physical';
  joinUrl?: string;
  /** joinUrlKey(joinUrl), stored so a Teams meeting's events find their planned meeting with one indexed query. */
  joinUrlKey?: string;
  place?: string;
  items: AgendaItem[];
  status: MeetingStatus;
  /** The posted agenda card, so edits update it in place. */
  agendaActivityId?: string;
  /** When the agenda is to be posted automatically; present only until it is posted, so the due query stays small. */
  agendaDueAt?: string;
  agendaPostedAt?: string;
  /** A scheduler instance working on the automatic post; expires so another instance can take over after a crash. */
  agendaClaim?: { by: string; until: string };
  /** When a chair last reminded those who had not answered. */
  lastNudgedAt?: string;
  /** The agenda item being discussed (1-based); decisions without an item number go to it. */
  currentItem?: number;
  startedAt?: string;
  endedAt?: string;
  /** Recorded after it was held (the bot was not in it): no agenda was posted and no answers asked for. */
  recordedAfter?: true;
  /** Imported from the network's past minutes: the import's key (same minutes, same key) and the file's name. */
  importedFrom?: { key: string; file?: string };
  /**
   * When a version of its minutes was first approved. Kept on the meeting (the minutes live in the meeting's own
   * partition) so which meeting a correction means is read from the network's meetings alone.
   */
  minutesApprovedAt?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const MEETING_TITLE_MAX = 150;

/** Answers and changes to a meeting close when it starts, is cancelled, or has ended. */
export const isOpenForAnswers = (meeting: Meeting, now: Date): boolean =>
  meeting.status === 'planned' && new Date(meeting.startsAt).getTime() > now.getTime();

/** `leadDays` before the meeting starts, counted in the meeting's zone (so a DST change keeps the wall-clock time). */
export const agendaDueAt = (startsAt: string, timeZone: string, leadDays: number): string =>
  DateTime.fromISO(startsAt, { zone: timeZone }).minus({ days: leadDays }).toUTC().toISO() ?? startsAt;

/** An instance may work on the automatic post when it is due, not posted, and nobody else holds a live claim. */
export const canClaimAgenda = (meeting: Meeting, now: Date): boolean =>
  meeting.status === 'planned' &&
  meeting.agendaDueAt !== undefined &&
  meeting.agendaDueAt <= now.toISOString() &&
  meeting.startsAt > now.toISOString() &&
  (!meeting.agendaClaim || meeting.agendaClaim.until <= now.toISOString());

/** The meeting once its agenda is out (automatically or by command): no longer due, claim released. */
export const withAgendaPosted = (meeting: Meeting, activityId: string | undefined, now: Date): Meeting => {
  const { agendaDueAt: _due, agendaClaim: _claim, ...rest } = meeting;
  return {
    ...rest,
    ...(activityId ? { agendaActivityId: activityId } : {}),
    agendaPostedAt: now.toISOString(),
  };
};

/**
 * The network's chat is gone (the bot removed, or Teams refuses it for good): the agenda stops being due instead
 * of being tried forever; `dagordning` still posts it once the bot is back.
 */
export const withAgendaUndeliverable = (meeting: Meeting): Meeting => {
  const { agendaDueAt: _due, agendaClaim: _claim, ...rest } = meeting;
  return rest;
};

export const NUDGE_INTERVAL_MS = 3600_000;

/** Reminders to answer go out at most once an hour per meeting, however many chairs press. */
export const mayNudge = (meeting: Meeting, now: Date): boolean =>
  !meeting.lastNudgedAt || now.getTime() - new Date(meeting.lastNudgedAt).getTime() >= NUDGE_INTERVAL_MS;

/** A cancelled meeting takes no answers and its agenda is no longer due. */
export const cancelled = (meeting: Meeting, now: Date): Meeting => {
  const { agendaDueAt: _due, agendaClaim: _claim, ...rest } = meeting;
  return { ...rest, status: 'cancelled', updatedAt: now.toISOString() };
};

/** In progress: answers close, check-in opens. An agenda not yet posted is no longer due. */
export const started = (meeting: Meeting, now: Date): Meeting => {
  const { agendaDueAt: _due, agendaClaim: _claim, ...rest } = meeting;
  return { ...rest, status: 'started', startedAt: now.toISOString(), updatedAt: now.toISOString() };
};

export const ended = (meeting: Meeting, now: Date): Meeting => ({
  ...meeting,
  status: 'ended',
  endedAt: now.toISOString(),
  updatedAt: now.toISOString(),
});

/** A meeting already held, recorded afterwards: ended as planned, its agenda never due. */
export const recordedAsHeld = (meeting: Meeting): Meeting => {
  const { agendaDueAt: _due, agendaClaim: _claim, ...rest } = meeting;
  return {
    ...rest,
    status: 'ended',
    startedAt: meeting.startsAt,
    endedAt: meeting.endsAt,
    recordedAfter: true,
  };
};
