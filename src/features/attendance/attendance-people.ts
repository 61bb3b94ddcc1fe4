import type { BotDeps } from '../../bot/bot-deps';
import type { Attendance } from '../../domain/attendance';
import type { Meeting } from '../../domain/meeting';
import type { RosterMember } from '../../domain/roster';

export interface MarkablePerson {
  /** The attendance person key: Entra id for Teams users, the roster id for guests added by name. */
  key: string;
  label: string;
  member?: RosterMember;
  record?: Attendance;
}

/** Everyone a chair can mark present or absent: the network's members and guests, and anyone already recorded. */
export async function attendancePeople(
  deps: Pick<BotDeps, 'roster' | 'attendance'>,
  meeting: Meeting,
): Promise<MarkablePerson[]> {
  const [roster, records] = await Promise.all([
    deps.roster.list(meeting.networkId),
    deps.attendance.list(meeting.meetingId),
  ]);
  const byKey = new Map<string, MarkablePerson>();
  for (const member of roster) {
    if (member.status !== 'member') continue;
    const key = member.guest ? member.userId : member.aadObjectId;
    if (key) byKey.set(key, { key, label: member.name, member });
  }
  for (const record of records)
    byKey.set(record.personKey, {
      ...byKey.get(record.personKey),
      key: record.personKey,
      label: record.name,
      record,
    });
  return [...byKey.values()]
    .map((person) => {
      const organisation = person.record?.organisation ?? person.member?.organisation;
      return organisation ? { ...person, label: `${person.label}, ${organisation}` } : person;
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
}
