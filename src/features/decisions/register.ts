import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { DECISION_VERBS } from '../../cards/decision-card';
import { NOTE_VERB } from '../../cards/note-card';
import { DECISION_OFFER_VERB } from '../../cards/decision-offer-card';
import { createAddNoteFromCard } from './add-note-from-card';
import { createNoteAsDecision } from './note-as-decision';
import { createChangeDecision } from './change-decision';
import { createMoveItem } from './move-item';
import { createRecordDecision } from './record-decision';
import { createRecordNote } from './record-note';

export function registerDecisions(app: Application, commands: CommandRouter, deps: BotDeps): void {
  const edit = createChangeDecision(deps, 'edit');
  const undo = createChangeDecision(deps, 'undo');
  commands.on('decision', createRecordDecision(deps));
  commands.on('item', createMoveItem(deps));
  commands.on('note', createRecordNote(deps));
  app.adaptiveCards.actionExecute<unknown>(DECISION_VERBS.edit, (context, _state, data) =>
    edit(context, data),
  );
  app.adaptiveCards.actionExecute<unknown>(DECISION_VERBS.undo, (context, _state, data) =>
    undo(context, data),
  );
  const asDecision = createNoteAsDecision(deps);
  app.adaptiveCards.actionExecute<unknown>(DECISION_OFFER_VERB, (context, _state, data) =>
    asDecision(context, data),
  );
  const addNote = createAddNoteFromCard(deps);
  app.adaptiveCards.actionExecute<unknown>(NOTE_VERB, (context, _state, data) => addNote(context, data));
}
