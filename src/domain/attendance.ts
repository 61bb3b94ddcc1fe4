import type { Meeting } from './meeting';

export type AttendanceSource = 'checkIn' | 'joinEvent' | 'leaveEvent' | 'chair';

/** One person at one meeting: one document each, like RSVPs, so a room checking in at once never contends. */
export interface Attendance {
  meetingId: string;
  networkId: string;
  /** Entra object id for members, the roster id for guests. */
  personKey: string;
  userId?: string;
  name: string;
  organisation?: string;
  present: boolean;
  /** Not a network member: present for `items` only if given. */
  guest?: true;
  /** The agenda items (1-based) a guest was present for. */
  items?: number[];
  /** A member's named substitute, counting for that member's organisation. */
  substituteFor?: { name: string; aadObjectId: string };
  sources: AttendanceSource[];
  firstSeenAt?: string;
  /** The last time Teams said this person left the meeting. */
  leftAt?: string;
  updatedAt: string;
}

export interface AttendanceGroups {
  /** Present members by organisation, organisations in order, people by name. */
  present: { organisation: string | undefined; people: Attendance[] }[];
  guests: Attendance[];
  /** Roster members expected but not present (nor represented by a substitute). */
  absent: { name: string; organisation?: string }[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');

/** Attendance grouped as the networks' minutes list it: NÄRVARANDE by organisation, GÄSTER, EJ NÄRVARANDE. */
export function groupAttendance(
  records: Attendance[],
  roster: { aadObjectId?: string; name: string; organisation?: string; guest?: true }[],
): AttendanceGroups {
  const present = records.filter((r) => r.present && !r.guest);
  const presentKeys = new Set(
    records
      .filter((r) => r.present)
      .flatMap((r) => [r.personKey, ...(r.substituteFor ? [r.substituteFor.aadObjectId] : [])]),
  );
  const organisations = new Map<string | undefined, Attendance[]>();
  for (const record of present)
    organisations.set(record.organisation, [...(organisations.get(record.organisation) ?? []), record]);
  return {
    present: [...organisations.entries()]
      .sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'sv'))
      .map(([organisation, people]) => ({ organisation, people: people.sort(byName) })),
    guests: records.filter((r) => r.present && r.guest).sort(byName),
    absent: roster
      .filter((m) => !m.guest && m.aadObjectId && !presentKeys.has(m.aadObjectId))
      .map((m) => ({ name: m.name, ...(m.organisation ? { organisation: m.organisation } : {}) }))
      .sort(byName),
  };
}

export type AttendanceUpdate = Omit<Attendance, 'present' | 'sources' | 'firstSeenAt'>;

/**
 * One more thing known about a person's attendance. Sources add up; the first time seen present stays. What the
 * chair said about how someone counts (guest, items, organisation, substitute) is kept when Teams or a check-in
 * reports them later; a chair's own correction replaces it, and may mark them absent.
 */
export function mergeAttendance(
  before: Attendance | undefined,
  update: AttendanceUpdate,
  source: AttendanceSource,
  present = true,
): Attendance {
  const chairSaid = source !== 'chair' && before?.sources.includes('chair') ? before : undefined;
  const standing = chairSaid ?? update;
  const leftAt = update.leftAt ?? before?.leftAt;
  const firstSeenAt = before?.firstSeenAt ?? (present ? update.updatedAt : undefined);
  return {
    meetingId: update.meetingId,
    networkId: update.networkId,
    personKey: update.personKey,
    ...((update.userId ?? before?.userId) ? { userId: update.userId ?? before?.userId } : {}),
    name: chairSaid?.name ?? update.name,
    ...(standing.organisation ? { organisation: standing.organisation } : {}),
    present,
    ...(standing.guest ? { guest: true as const } : {}),
    ...(standing.items?.length ? { items: standing.items } : {}),
    ...(standing.substituteFor ? { substituteFor: standing.substituteFor } : {}),
    sources: [...new Set([...(before?.sources ?? []), source])],
    ...(firstSeenAt ? { firstSeenAt } : {}),
    ...(leftAt ? { leftAt } : {}),
    updatedAt: update.updatedAt,
  };
}

const HOUR = 3600_000;

/**
 * The meeting a start, check-in or attendance command is about: one in progress, else the planned one nearest now
 * that starts within 12 hours (a chair may start a little early) and has not yet ended.
 */
export function currentMeeting(meetings: Meeting[], now: Date): Meeting | undefined {
  const started = meetings.find((m) => m.status === 'started');
  if (started) return started;
  const t = now.getTime();
  return meetings
    .filter(
      (m) =>
        m.status === 'planned' &&
        new Date(m.startsAt).getTime() - t <= 12 * HOUR &&
        new Date(m.endsAt).getTime() > t,
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}

/**
 * Someone only Teams saw (joined the call), who is neither on the roster nor named on the agenda, nor checked in or
 * added by the chair: not put in the minutes until a chair or the secretary says to (`chair` source).
 */
export const joinedOnly = (record: Attendance): boolean =>
  !!record.guest &&
  !record.items?.length &&
  !record.substituteFor &&
  record.sources.every((source) => source === 'joinEvent' || source === 'leaveEvent');
