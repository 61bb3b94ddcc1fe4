import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandRouter } from '../../bot/command-router';
import { NETWORK_VERBS, networkRefSchema } from '../../cards/network-setup-card';
import { turnLanguage } from '../../bot/turn-language';
import { createTranslator } from '../../i18n/translator';
import { createOpenSetup } from './open-setup';
import { createSaveSetup } from './save-setup';

/** Sends the setup card (or why not) into the conversation: after install, and for `inställningar` / `settings`. */
export function createSendSetup(deps: Pick<BotDeps, 'networks' | 'roster' | 'clock'>) {
  const openSetup = createOpenSetup(deps);
  return async (context: TurnContext): Promise<void> => {
    const result = await openSetup(context);
    await context.sendActivity(typeof result === 'string' ? result : cardActivity(result));
  };
}

export function registerNetwork(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('settings', createSendSetup(deps));
  const openSetup = createOpenSetup(deps);
  const saveSetup = createSaveSetup(deps);
  app.adaptiveCards.actionExecute<unknown>(NETWORK_VERBS.open, async (context, _state, data) =>
    // The summary's button names its network, and nothing else.
    networkRefSchema.strict().safeParse(data).success
      ? openSetup(context)
      : createTranslator(await turnLanguage(context, deps.networks))('card.stale'),
  );
  app.adaptiveCards.actionExecute<unknown>(NETWORK_VERBS.save, (context, _state, data) =>
    saveSetup(context, data),
  );
}
