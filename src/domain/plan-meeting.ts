import { parseAgendaLines } from './agenda-items';
import { joinUrlKey } from './join-url';
import type { PresenterReading } from './presenters';
import { agendaDueAt, recordedAsHeld, type Meeting } from './meeting';
import { parseWhen, type When, type WhenResult } from './when/parse-when';
import { toInstant } from './when/local-date';

export interface MeetingForm {
  title: string;
  when: string;
  mode: 'digital' | 'physical';
  joinUrl?: string;
  place?: string;
  agenda: string;
  /** Already held: recorded afterwards, so its date is in the past and nothing is posted or asked. */
  held?: boolean;
}

export type MeetingProblem =
  | { problem: 'when'; refusal: Extract<WhenResult, { ok: false }> }
  | { problem: 'needsTimes'; understood: When }
  | { problem: 'heldNotOver'; understood: When }
  | { problem: 'weekNotDay'; understood: When }
  | { problem: 'placeRequired' }
  | { problem: 'joinUrl' }
  | { problem: 'agendaLines'; lines: number[] };

const TEAMS_HOSTS = ['teams.microsoft.com', 'teams.live.com'];

/** A Teams join link: https, on a Teams host. Anything else in a meeting card is a phishing risk. */
export function isTeamsJoinUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      TEAMS_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))
    );
  } catch {
    return false;
  }
}

/**
 * The meeting a valid form describes (new, or `existing` changed), or the first problem with it. The date is read
 * in the network's zone and must be a day with a start and an end, not in the past; for a meeting already held
 * (`held`), not in the future, and the meeting is recorded as ended with no agenda to post.
 */
export function planMeeting(
  form: MeetingForm,
  context: {
    networkId: string;
    meetingId: string;
    timeZone: string;
    agendaLeadDays: number;
    actorId: string;
    now: Date;
    existing?: Meeting;
    /** The roster's and the network's organisations: never read as presenters' names. */
    knownOrganisations?: readonly string[];
  },
):
  | { ok: true; meeting: Meeting; unsure: PresenterReading['unsure'] }
  | { ok: false; problem: MeetingProblem } {
  const held = Boolean(form.held) && !context.existing;
  const when = parseWhen(form.when, {
    now: context.now,
    zone: context.timeZone,
    direction: held ? 'past' : 'future',
  });
  if (!when.ok) return { ok: false, problem: { problem: 'when', refusal: when } };
  if (when.when.kind === 'week')
    return { ok: false, problem: { problem: 'weekNotDay', understood: when.when } };
  const { date, start, end } = when.when;
  if (!start || !end) return { ok: false, problem: { problem: 'needsTimes', understood: when.when } };
  if (form.mode === 'physical' && !form.place) return { ok: false, problem: { problem: 'placeRequired' } };
  if (form.mode === 'digital' && form.joinUrl && !isTeamsJoinUrl(form.joinUrl))
    return { ok: false, problem: { problem: 'joinUrl' } };
  const agenda = parseAgendaLines(form.agenda, context.knownOrganisations);
  if (agenda.problems.length)
    return { ok: false, problem: { problem: 'agendaLines', lines: agenda.problems.map((p) => p.line) } };

  const now = context.now.toISOString();
  const startsAt = toInstant(date, start, context.timeZone);
  // Once posted, an edit updates the posted card; it does not schedule a second post.
  const due = context.existing?.agendaPostedAt
    ? undefined
    : agendaDueAt(startsAt, context.timeZone, context.agendaLeadDays);
  const meeting: Meeting = {
    ...context.existing,
    meetingId: context.meetingId,
    networkId: context.networkId,
    title: form.title,
    date,
    start,
    end,
    timeZone: context.timeZone,
    startsAt,
    agendaDueAt: due,
    endsAt: toInstant(date, end, context.timeZone),
    mode: form.mode,
    ...(form.mode === 'digital' && form.joinUrl
      ? { joinUrl: form.joinUrl, joinUrlKey: joinUrlKey(form.joinUrl) }
      : { joinUrl: undefined, joinUrlKey: undefined }),
    ...(form.mode === 'physical' ? { place: form.place } : { place: undefined }),
    items: agenda.items,
    status: context.existing?.status ?? 'planned',
    createdBy: context.existing?.createdBy ?? context.actorId,
    createdAt: context.existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (held && meeting.endsAt > context.now.toISOString())
    return { ok: false, problem: { problem: 'heldNotOver', understood: when.when } };
  return { ok: true, meeting: held ? recordedAsHeld(meeting) : meeting, unsure: agenda.unsure };
}
