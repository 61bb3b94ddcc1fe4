import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { isAppError } from '../../domain/app-error';
import { ended } from '../../domain/meeting';
import { offerMinutes } from '../minutes/offer-minutes';
import { cardActivity } from '../../bot/card-activity';
import { endedSummary } from './attendance-summary';
import { joinerCards } from './confirm-joiner';
import { meetingInProgress } from './meeting-in-progress';

/**
 * `avsluta möte` / `end meeting`: closes the meeting, tells the secretary what the minutes still lack and offers a
 * first draft of them.
 */
export function createEndMeeting(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const access = await meetingInProgress(context, deps, { needsRole: true });
    if (!access) return;
    const { network, meeting, etag, t } = access;
    if (meeting.status !== 'started') {
      await context.sendActivity(t('meeting.notStarted', { title: meeting.title }));
      return;
    }
    let closed;
    try {
      closed = await deps.meetings.replace(ended(meeting, deps.clock()), etag);
    } catch (error) {
      if (isAppError(error) && error.code === 'Conflict') return;
      throw error;
    }
    await context.sendActivity(await endedSummary(deps, network, meeting, t));
    for (const card of await joinerCards(deps, network, meeting))
      await context.sendActivity(cardActivity(card));
    await offerMinutes(context, deps, network, closed.meeting);
  };
}
