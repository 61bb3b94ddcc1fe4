import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { MINUTES_VERBS } from '../../cards/minutes-card';
import { createChangeMinutes } from './change-minutes';
import { createMakeMinutes } from './make-minutes';

/** After the meeting: minutes drafted from what was recorded, reviewed and approved by the secretary. */
export function registerMinutes(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('minutes', createMakeMinutes(deps));
  for (const mode of ['open', 'links', 'approve'] as const) {
    const change = createChangeMinutes(deps, mode);
    app.adaptiveCards.actionExecute<unknown>(MINUTES_VERBS[mode], (context, _state, data) =>
      change(context, data),
    );
  }
}
