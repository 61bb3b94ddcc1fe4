import type { TeamsAdapter } from '@microsoft/teams-ai';
import { cardActivity } from '../../bot/card-activity';
import { toConversationReference } from '../../bot/conversation-reference';
import { AppError } from '../../domain/app-error';
import type { AgendaPoster } from '../../scheduler/agenda-posting';
import type { ConversationRepository } from '../../storage/conversation-repository';
import type { AgendaPublisher } from './agenda-publisher';

/** Posts the agenda into the network's chat without a user message to reply to, from the stored reference. */
export function createProactiveAgendaPoster(deps: {
  adapter: TeamsAdapter;
  botAppId: string;
  conversations: ConversationRepository;
  agenda: AgendaPublisher;
}): AgendaPoster {
  return {
    async post(network, meeting) {
      const stored = await deps.conversations.get(network.conversationId);
      if (!stored || stored.status !== 'active')
        throw new AppError('NotFound', `no active conversation for ${network.networkId}`);
      const reference = toConversationReference(stored);
      const card = await deps.agenda.render(network, meeting);
      let activityId: string | undefined;
      let failure: unknown;
      // The adapter's turn error handler would swallow a failed send (and the agenda would count as posted):
      // keep the failure here and raise it once the proactive turn is over.
      await deps.adapter.continueConversationAsync(deps.botAppId, reference, async (context) => {
        try {
          activityId = (await context.sendActivity(cardActivity(card)))?.id;
        } catch (error) {
          failure = error;
        }
      });
      if (failure !== undefined)
        throw failure instanceof Error ? failure : new Error('agenda post failed', { cause: failure });
      if (!activityId)
        throw new AppError('Unavailable', `Teams returned no id for the agenda of ${meeting.meetingId}`);
      return { activityId };
    },
  };
}
