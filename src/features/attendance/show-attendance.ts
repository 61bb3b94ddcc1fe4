import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { actorOf } from '../../bot/actor';
import { cardActivity } from '../../bot/card-activity';
import type { CommandInput } from '../../bot/command-router';
import { renderAttendanceCard } from '../../cards/attendance-card';
import { groupAttendance } from '../../domain/attendance';
import { canManageRoster } from '../../domain/network';
import { correctionCard } from './correct-attendance';
import { meetingToRecord } from './meeting-to-record';

/**
 * `närvaro` / `attendance`: grouped like the minutes: NÄRVARANDE by organisation, GÄSTER, EJ NÄRVARANDE, of the
 * meeting in progress, about to start, or ended with its minutes still to finish (or the day `möte <dag>` names).
 */
export function createShowAttendance(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'attendance' | 'clock'>,
) {
  return async (context: TurnContext, input?: CommandInput): Promise<void> => {
    const access = await meetingToRecord(context, deps, {
      needsRole: false,
      planned: true,
      ...(input?.meetingDate ? { meetingDate: input.meetingDate } : {}),
    });
    if (!access) return;
    const { network, meeting, t, running, label } = access;
    const groups = groupAttendance(
      await deps.attendance.list(meeting.meetingId),
      await deps.roster.list(network.networkId),
    );
    await context.sendActivity(
      cardActivity(
        renderAttendanceCard({
          language: network.settings.language,
          title: t('attendance.title', { title: running ? meeting.title : label }),
          groups,
        }),
      ),
    );
    // Chairs and the secretary get the card to correct it (Teams events go missing; guests come for one item).
    if (canManageRoster(network, actorOf(context)?.aadObjectId))
      await context.sendActivity(cardActivity(await correctionCard(deps, network, meeting)));
  };
}
