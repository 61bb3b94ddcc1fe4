import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { IMPORT_VERBS } from '../../cards/import-cards';
import { createConfirmImport } from './confirm-import';
import { createImportCommand, createImportRead } from './import-command';

/** Importing a network's past minutes: a file in the personal chat, or pasted text in the network's chat. */
export function registerImport(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('import', createImportCommand(deps));
  const read = createImportRead(deps);
  app.adaptiveCards.actionExecute<unknown>(IMPORT_VERBS.read, (context, _state, data) => read(context, data));
  for (const mode of ['confirm', 'cancel'] as const) {
    const handle = createConfirmImport(deps, mode);
    app.adaptiveCards.actionExecute<unknown>(IMPORT_VERBS[mode], (context, _state, data) =>
      handle(context, data),
    );
  }
}
