import { cardActivity } from '../../bot/card-activity';
import type { ProactiveSender } from '../../bot/proactive-sender';
import { AppError } from '../../domain/app-error';
import type { AgendaPoster } from '../../scheduler/agenda-posting';
import type { ConversationRepository } from '../../storage/conversation-repository';
import type { AgendaPublisher } from './agenda-publisher';

/**
 * Posts the agenda into the network's chat without a user message to reply to, from the stored reference, through
 * the paced sender. A chat that is gone (removed, or refused for good with 403/404, then marked removed) is a
 * NotFound; any other failure is raised too, so the agenda does not count as posted and a later tick tries again.
 */
export function createProactiveAgendaPoster(deps: {
  sender: ProactiveSender;
  conversations: ConversationRepository;
  agenda: AgendaPublisher;
}): AgendaPoster {
  return {
    async post(network, meeting) {
      const stored = await deps.conversations.get(network.conversationId);
      if (!stored || stored.status !== 'active')
        throw new AppError('NotFound', `no active conversation for ${network.networkId}`);
      const sent = await deps.sender.send(stored, cardActivity(await deps.agenda.render(network, meeting)));
      if (sent.status === 'dead') {
        await deps.conversations.markRemoved(network.conversationId);
        throw new AppError('NotFound', `the chat of ${network.networkId} refused the agenda for good`);
      }
      if (sent.status !== 'sent' || !sent.activityId)
        throw new AppError('Unavailable', `agenda of ${meeting.meetingId} not posted (${sent.status})`);
      return { activityId: sent.activityId };
    },
  };
}
