import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { networkIdForConversation } from '../../domain/conversation';
import { createTranslator } from '../../i18n/translator';
import type { AgendaPublisher } from './agenda-publisher';

/** `dagordning` / `agenda`: posts the agenda of the next meeting that has not started. Anyone may ask. */
export function createPostAgenda(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'clock'>,
  agenda: AgendaPublisher,
) {
  return async (context: TurnContext): Promise<void> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const found = await deps.networks.get(networkIdForConversation(context.activity.conversation.id));
    if (!found || found.network.status !== 'active') {
      await context.sendActivity(t('meeting.networkNotSetUp'));
      return;
    }
    const now = deps.clock().toISOString();
    const next = (await deps.meetings.upcoming(found.network.networkId, deps.clock())).find(
      (m) => m.status === 'planned' && m.startsAt > now,
    );
    if (!next) {
      await context.sendActivity(t('agenda.none'));
      return;
    }
    await agenda.post(context, found.network, next);
  };
}
