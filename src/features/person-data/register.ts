import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { PERSON_DATA_VERBS, type PersonDataMode } from '../../cards/person-data-card';
import { createPersonDataAction } from './person-data-action';
import { createShowPersonData } from './show-person-data';

/** Data protection: a chair answers a person's request for their data, or its erasure, in the network's chat. */
export function registerPersonData(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('personalData', createShowPersonData(deps));
  for (const mode of Object.keys(PERSON_DATA_VERBS) as PersonDataMode[]) {
    const act = createPersonDataAction(deps, mode);
    app.adaptiveCards.actionExecute<unknown>(PERSON_DATA_VERBS[mode], (context, _state, data) =>
      act(context, data),
    );
  }
}
