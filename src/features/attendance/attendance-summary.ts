import type { BotDeps } from '../../bot/bot-deps';
import { groupAttendance } from '../../domain/attendance';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import type { Translate } from '../../i18n/translator';

/** The message when a meeting ends: how many were present and who was not checked in. */
export async function endedSummary(
  deps: Pick<BotDeps, 'roster' | 'attendance'>,
  network: Network,
  meeting: Meeting,
  t: Translate,
): Promise<string> {
  const groups = groupAttendance(
    await deps.attendance.list(meeting.meetingId),
    await deps.roster.list(network.networkId),
  );
  const present = groups.present.reduce((sum, group) => sum + group.people.length, 0) + groups.guests.length;
  return t('meeting.endedSummary', {
    title: meeting.title,
    present,
    absent: groups.absent.map((a) => a.name).join(', ') || t('attendance.none'),
  });
}
