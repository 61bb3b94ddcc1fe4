import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { turnLanguage } from '../../bot/turn-language';
import { COMMAND_TEXT_MAX } from '../../domain/commands';
import { createTranslator } from '../../i18n/translator';

const QUOTE_LIMIT = 60;

const isUnclaimedActionExecute = (context: TurnContext): Promise<boolean> => {
  const { type, name } = context.activity;
  const value: unknown = context.activity.value;
  const actionType = (value as { action?: { type?: unknown } } | undefined)?.action?.type;
  return Promise.resolve(
    type === 'invoke' && name === 'adaptiveCard/action' && actionType === 'Action.Execute',
  );
};

/**
 * Whatever no feature claims still gets an answer: a one-line hint for text, and for a card button whose verb
 * this version does not know (a card from an older version, or an altered one) a "stale card" message.
 * Registered after every feature so it only sees what they left.
 */
export function registerFallback(
  app: Application,
  commands: CommandRouter,
  deps: Pick<BotDeps, 'networks'>,
): void {
  commands.otherwise(async (context, parsed) => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    if (parsed.kind === 'empty') {
      await context.sendActivity(t('fallback.empty'));
      return;
    }
    if (parsed.kind === 'tooLong') {
      await context.sendActivity(t('fallback.tooLong', { max: COMMAND_TEXT_MAX }));
      return;
    }
    const quoted =
      parsed.text.length > QUOTE_LIMIT ? `${parsed.text.slice(0, QUOTE_LIMIT - 1)}…` : parsed.text;
    await context.sendActivity(t('fallback.unknown', { text: quoted }));
  });

  app.adaptiveCards.actionExecute(isUnclaimedActionExecute, async (context) =>
    createTranslator(await turnLanguage(context, deps.networks))('card.stale'),
  );
}
