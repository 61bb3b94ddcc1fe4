import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { FOLLOW_UP_VERBS } from '../../cards/follow-up-card';
import { createChangeFollowUp, type FollowUpChangeMode } from './change-follow-up';
import { createListFollowUps } from './list-follow-ups';
import { createRecordFollowUp } from './record-follow-up';

/** Follow-ups: given in the meeting with `uppgift`, listed with `uppföljning`, closed or moved from their card. */
export function registerFollowUps(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('followUp', createRecordFollowUp(deps));
  commands.on('followUps', createListFollowUps(deps));
  for (const mode of Object.keys(FOLLOW_UP_VERBS) as FollowUpChangeMode[]) {
    const change = createChangeFollowUp(deps, mode);
    app.adaptiveCards.actionExecute<unknown>(FOLLOW_UP_VERBS[mode], (context, _state, data) =>
      change(context, data),
    );
  }
}
