import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { HELP_VERBS } from '../../cards/help-card';
import { createShowHelp } from './show-help';
import { createSwitchLanguage } from './switch-language';

export function registerHelp(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('help', createShowHelp(deps));
  const switchLanguage = createSwitchLanguage(deps);
  app.adaptiveCards.actionExecute<unknown>(HELP_VERBS.switchLanguage, (context, _state, data) =>
    switchLanguage(context, data),
  );
}
