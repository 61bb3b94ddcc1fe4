import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { renderHelpCard, switchLanguageSchema } from '../../cards/help-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { createTranslator } from '../../i18n/translator';

/** The help card's language button: shows the same card in the other language to whoever pressed it. */
export function createSwitchLanguage(deps: Pick<BotDeps, 'networks' | 'logger'>) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed = switchLanguageSchema.safeParse(data);
    if (!parsed.success) {
      deps.logger.warn(
        {
          conversationId: context.activity.conversation?.id,
          issues: parsed.error.issues.map((issue) => ({ path: issue.path, code: issue.code })),
        },
        'stale or altered help card',
      );
      return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    }
    return renderHelpCard({
      language: parsed.data.language,
      conversationType: context.activity.conversation?.conversationType,
      botName: context.activity.recipient?.name,
    });
  };
}
