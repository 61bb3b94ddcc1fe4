import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { actorOf } from '../../bot/actor';
import { cardActivity } from '../../bot/card-activity';
import { groupAttendance } from '../../domain/attendance';
import { canManageRoster } from '../../domain/network';
import { attendanceSections } from '../../i18n/attendance-lines';
import { correctionCard } from './correct-attendance';
import { meetingInProgress } from './meeting-in-progress';

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
    const text = [
      `**${t('attendance.title', { title: meeting.title })}**`,
      '',
      ...attendanceSections(groups, network.settings.language, t),
    ].join('\n');
    await context.sendActivity({ type: 'message', textFormat: 'markdown', text });
    // Chairs and the secretary get the card to correct it (Teams events go missing; guests come for one item).
    if (canManageRoster(network, actorOf(context)?.aadObjectId))
      await context.sendActivity(cardActivity(await correctionCard(deps, network, meeting)));
  };
}
