import type { TurnContext } from 'botbuilder';
import { cardActivity } from '../../bot/card-activity';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { renderHelpCard } from '../../cards/help-card';

/** `hjälp` / `help`, and the welcome on install: the same card. */
export function createShowHelp(deps: Pick<BotDeps, 'networks'>) {
  return async (context: TurnContext): Promise<void> => {
    const { conversation, recipient } = context.activity;
    const card = renderHelpCard({
      language: await turnLanguage(context, deps.networks),
      conversationType: conversation?.conversationType,
      botName: recipient?.name,
    });
    await context.sendActivity(cardActivity(card));
  };
}
