import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { FOLLOW_UP_VERBS } from '../../cards/follow-up-card';
import { createChangeFollowUp, type FollowUpChangeMode } from './change-follow-up';
import { createListFollowUps } from './list-follow-ups';
import { createRecordFollowUp } from './record-follow-up';
import { createSaveReminderPolicy, createShowReminderPolicy } from './reminder-policy';
import { REMINDER_POLICY_VERB } from '../../cards/reminder-policy-card';

/**
 * Follow-ups: given in the meeting with `uppgift`, listed with `uppföljning`, closed or moved from their card (also
 * from a reminder); `påminnelser` sets when owners are reminded.
 */
export function registerFollowUps(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('followUp', createRecordFollowUp(deps));
  commands.on('followUps', createListFollowUps(deps));
  commands.on('reminders', createShowReminderPolicy(deps));
  const savePolicy = createSaveReminderPolicy(deps);
  app.adaptiveCards.actionExecute<unknown>(REMINDER_POLICY_VERB, (context, _state, data) =>
    savePolicy(context, data),
  );
  for (const mode of Object.keys(FOLLOW_UP_VERBS) as FollowUpChangeMode[]) {
    const change = createChangeFollowUp(deps, mode);
    app.adaptiveCards.actionExecute<unknown>(FOLLOW_UP_VERBS[mode], (context, _state, data) =>
      change(context, data),
    );
  }
}
