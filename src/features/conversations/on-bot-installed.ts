import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { referenceFromActivity } from '../../bot/conversation-reference';

/**
 * Stores the conversation reference and welcomes once. Teams announces an install with both an
 * installationUpdate and a conversationUpdate (and may retry either); the repository lets exactly one win.
 */
export function createOnBotInstalled(
  deps: Pick<BotDeps, 'conversations' | 'logger'>,
  welcome: (context: TurnContext) => Promise<void>,
) {
  return async (context: TurnContext): Promise<void> => {
    const reference = referenceFromActivity(context.activity);
    const installer = context.activity.from?.aadObjectId;
    const { isNew } = await deps.conversations.recordInstall(reference, installer);
    // Installed for a person: where their reminders go from now on.
    if (reference.conversationType === 'personal' && (installer ?? context.activity.from?.id))
      await deps.conversations.savePersonal(installer ?? context.activity.from.id, reference);
    deps.logger.info(
      { conversationId: reference.conversationId, conversationType: reference.conversationType, isNew },
      'bot installed',
    );
    if (isNew) await welcome(context);
  };
}
