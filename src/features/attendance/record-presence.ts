import type { BotDeps } from '../../bot/bot-deps';
import type { Attendance, AttendanceSource } from '../../domain/attendance';
import { attendeeStanding } from '../../domain/attendee';
import type { Meeting } from '../../domain/meeting';

/**
 * Someone Teams or a check-in says is at the meeting: named and counted from the roster, as a member's substitute
 * (from the RSVPs) or as a guest for the items the agenda names them on.
 */
export async function recordPresence(
  deps: Pick<BotDeps, 'roster' | 'rsvps' | 'attendance' | 'clock'>,
  meeting: Meeting,
  person: { aadObjectId: string; userId: string; name: string },
  source: Exclude<AttendanceSource, 'chair'>,
): Promise<Attendance> {
  const member = await deps.roster.get(meeting.networkId, person.userId);
  const name = member?.name ?? person.name;
  const isMember = member?.status === 'member' && !member.guest;
  const rsvps = isMember ? [] : await deps.rsvps.list(meeting.meetingId);
  const now = deps.clock().toISOString();
  return deps.attendance.record(
    {
      meetingId: meeting.meetingId,
      networkId: meeting.networkId,
      personKey: person.aadObjectId,
      userId: person.userId,
      name,
      ...attendeeStanding(name, member, rsvps, meeting.items),
      ...(source === 'leaveEvent' ? { leftAt: now } : {}),
      updatedAt: now,
    },
    source,
  );
}
