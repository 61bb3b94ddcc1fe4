import { currentMeeting } from './attendance';
import type { Meeting } from './meeting';
import { isoDate, isoTime, type LocalDate, type LocalTime } from './when/local-date';

/** A meeting named by its day (`möte 2026-11-20`), and its start time when the day had two. */
export interface MeetingPick {
  date: LocalDate;
  start?: LocalTime;
}

export type MeetingChoice =
  | { ok: true; meeting: Meeting; running: boolean }
  | { ok: false; problem: 'none' }
  | { ok: false; problem: 'notStarted'; meeting: Meeting }
  | { ok: false; problem: 'noneOn'; pick: MeetingPick }
  | { ok: false; problem: 'several'; pick: MeetingPick; meetings: Meeting[] }
  | { ok: false; problem: 'pastRetention'; meeting: Meeting };

const endOf = (meeting: Meeting): string => meeting.endedAt ?? meeting.endsAt;

const pastRetention = (meeting: Meeting, cutoff: Date | undefined): boolean =>
  cutoff !== undefined && meeting.status === 'ended' && endOf(meeting) < cutoff.toISOString();

/**
 * Which meeting a command that records or corrects the record means, the one rule for every such command and card:
 * the one in progress; else the latest ended one whose minutes are not approved yet (the secretary finishing them
 * in the days after); else a planned one about to start, which is named so the answer can say it has not started.
 * A day picks that day's meeting instead, approved or not (a correction after approval is the next version); the
 * start time tells two meetings of one day apart. A meeting past the network's retention is never written to.
 */
export function meetingToActOn(
  meetings: Meeting[],
  options: { now: Date; pick?: MeetingPick; retentionCutoff?: Date },
): MeetingChoice {
  const candidates = meetings.filter((m) => m.status !== 'cancelled');
  const { pick, retentionCutoff } = options;
  if (pick) {
    const day = isoDate(pick.date);
    const onDay = candidates
      .filter((m) => isoDate(m.date) === day)
      .filter((m) => !pick.start || isoTime(m.start) === isoTime(pick.start))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const [only] = onDay;
    if (!only) return { ok: false, problem: 'noneOn', pick };
    if (onDay.length > 1) return { ok: false, problem: 'several', pick, meetings: onDay };
    if (only.status === 'planned') return { ok: false, problem: 'notStarted', meeting: only };
    if (pastRetention(only, retentionCutoff)) return { ok: false, problem: 'pastRetention', meeting: only };
    return { ok: true, meeting: only, running: only.status === 'started' };
  }
  const running = candidates.find((m) => m.status === 'started');
  if (running) return { ok: true, meeting: running, running: true };
  const unfinished = candidates
    .filter((m) => m.status === 'ended' && !m.minutesApprovedAt && !pastRetention(m, retentionCutoff))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
  if (unfinished) return { ok: true, meeting: unfinished, running: false };
  const soon = currentMeeting(candidates, options.now);
  return soon ? { ok: false, problem: 'notStarted', meeting: soon } : { ok: false, problem: 'none' };
}
