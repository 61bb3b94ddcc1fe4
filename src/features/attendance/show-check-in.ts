import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { renderCheckInCard } from '../../cards/check-in-card';
import { meetingInProgress } from './meeting-in-progress';

/** `incheckning` / `check in`: the check-in card again, for whoever came late and cannot find it in the chat. */
export function createShowCheckIn(deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>) {
  return async (context: TurnContext): Promise<void> => {
    const access = await meetingInProgress(context, deps, { needsRole: false });
    if (!access) return;
    const { network, meeting, t } = access;
    if (meeting.status !== 'started') {
      await context.sendActivity(t('checkIn.closed'));
      return;
    }
    await context.sendActivity(
      cardActivity(
        renderCheckInCard({ language: network.settings.language, networkId: network.networkId, meeting }),
      ),
    );
  };
}
