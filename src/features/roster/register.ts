import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandRouter } from '../../bot/command-router';
import { ORGANISATION_VERBS } from '../../cards/organisation-cards';
import { createAddGuest } from './add-guest';
import { createAnswerOrganisation } from './answer-organisation';
import { createOpenOrganisations, createSaveOrganisations } from './edit-organisations';
import { createReturnAfterErasure } from './return-after-erasure';

/** The roster's commands and cards. Membership events are routed by the conversations feature. */
export function registerRoster(app: Application, commands: CommandRouter, deps: BotDeps): void {
  const openOrganisations = createOpenOrganisations(deps);
  const saveOrganisations = createSaveOrganisations(deps);
  const answerOrganisation = createAnswerOrganisation(deps);
  const returnAfterErasure = createReturnAfterErasure(deps);
  app.turn('beforeTurn', async (context) => {
    await returnAfterErasure(context);
    return true;
  });
  commands.on('organisations', async (context) => {
    const result = await openOrganisations(context);
    await context.sendActivity(typeof result === 'string' ? result : cardActivity(result));
  });
  commands.on('guest', createAddGuest(deps));
  app.adaptiveCards.actionExecute<unknown>(ORGANISATION_VERBS.self, (context, _state, data) =>
    answerOrganisation(context, data),
  );
  app.adaptiveCards.actionExecute<unknown>(ORGANISATION_VERBS.edit, (context, _state, data) =>
    saveOrganisations(context, data),
  );
}
