import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandRouter } from '../../bot/command-router';
import { NETWORK_VERBS } from '../../cards/network-setup-card';
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
  app.adaptiveCards.actionExecute(NETWORK_VERBS.open, (context) => openSetup(context));
  app.adaptiveCards.actionExecute<unknown>(NETWORK_VERBS.save, (context, _state, data) =>
    saveSetup(context, data),
  );
}
