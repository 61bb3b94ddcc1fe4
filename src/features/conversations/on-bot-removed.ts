import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';

/** Keeps the reference but marks it removed, so nothing is sent there and a re-install welcomes again. */
export function createOnBotRemoved(deps: Pick<BotDeps, 'conversations' | 'logger'>) {
  return async (context: TurnContext): Promise<void> => {
    await deps.conversations.markRemoved(context.activity.conversation.id);
    deps.logger.info({ conversationId: context.activity.conversation.id }, 'bot removed');
  };
}
