import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { networkIdForConversation } from '../../domain/conversation';

/**
 * Before every message and card press in a group chat or channel: someone erased from its network who acts there
 * themselves is a member again (a roster sync alone does not bring them back). One cached read per network answers
 * everyone else.
 */
export function createReturnAfterErasure(deps: Pick<BotDeps, 'roster' | 'logger'>) {
  return async (context: TurnContext): Promise<void> => {
    const { type, from, conversation } = context.activity;
    if (
      (type !== 'message' && type !== 'invoke') ||
      !from?.id ||
      conversation?.conversationType === 'personal'
    )
      return;
    const networkId = networkIdForConversation(conversation.id);
    try {
      await deps.roster.returnAfterErasure(networkId, {
        userId: from.id,
        ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
        name: from.name ?? '',
      });
    } catch (error) {
      // What they came to do still runs; the next time they act they are let back.
      deps.logger.warn({ err: error, networkId }, 'erased person not let back');
    }
  };
}
