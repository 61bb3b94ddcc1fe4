import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { groupAttendance } from '../../domain/attendance';
import { meetingInProgress } from './meeting-in-progress';

const line = (person: { name: string; organisation?: string }): string =>
  `- ${person.organisation ? `${person.name}, ${person.organisation}` : person.name}`;

/** `närvaro` / `attendance`: grouped like the minutes: NÄRVARANDE by organisation, GÄSTER, EJ NÄRVARANDE. */
export function createShowAttendance(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'attendance' | 'clock'>,
) {
  return async (context: TurnContext): Promise<void> => {
    const access = await meetingInProgress(context, deps, { needsRole: false });
    if (!access) return;
    const { network, meeting, t } = access;
    const groups = groupAttendance(
      await deps.attendance.list(meeting.meetingId),
      await deps.roster.list(network.networkId),
    );
    const none = `- ${t('attendance.none')}`;
    const text = [
      `**${t('attendance.title', { title: meeting.title })}**`,
      '',
      `**${t('attendance.present')}**`,
      ...(groups.present.length
        ? groups.present.flatMap((group) => [
            ...(group.organisation ? [`_${group.organisation}_`] : []),
            ...group.people.map(line),
          ])
        : [none]),
      '',
      `**${t('attendance.guests')}**`,
      ...(groups.guests.length ? groups.guests.map(line) : [none]),
      '',
      `**${t('attendance.absent')}**`,
      ...(groups.absent.length ? groups.absent.map(line) : [none]),
    ].join('\n');
    await context.sendActivity({ type: 'message', textFormat: 'markdown', text });
  };
}
