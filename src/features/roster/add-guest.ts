import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandInput } from '../../bot/command-router';
import { parseGuest } from '../../domain/roster';
import { rosterKeeperAccess } from './edit-organisations';

/** `gäst Namn, Organisation` / `guest Name, Organisation`: someone without a Teams account joins the roster. */
export function createAddGuest(deps: Pick<BotDeps, 'networks' | 'roster'>) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const access = await rosterKeeperAccess(context, deps);
    if ('refusal' in access) {
      await context.sendActivity(access.refusal);
      return;
    }
    const guest = parseGuest(input.args);
    if (!guest) {
      await context.sendActivity(access.t('guest.usage'));
      return;
    }
    await deps.roster.addGuest(access.network.networkId, guest);
    await context.sendActivity(access.t('guest.added', guest));
  };
}
