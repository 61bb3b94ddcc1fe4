import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { conversationMembers } from '../../bot/conversation-members';
import { renderOrganisationAsk } from '../../cards/organisation-cards';
import { activeNetwork } from './active-network';

/**
 * People joined or left the chat or team: the roster follows Teams' own member list (re-read, so a missed event
 * heals on the next one), and newcomers are asked for their organisation.
 */
export function createOnMembersChanged(deps: Pick<BotDeps, 'networks' | 'roster'>) {
  return async (context: TurnContext, joinedUserIds: string[]): Promise<void> => {
    const network = await activeNetwork(context, deps);
    if (!network) return;
    const before = new Set((await deps.roster.list(network.networkId)).map((m) => m.userId));
    const members = await deps.roster.sync(network.networkId, await conversationMembers(context));
    const newcomers = members.filter(
      (m) => joinedUserIds.includes(m.userId) && !before.has(m.userId) && !m.organisation,
    );
    if (newcomers.length === 0) return;
    await context.sendActivity(
      cardActivity(
        renderOrganisationAsk({
          language: network.settings.language,
          network,
          welcomeNames: newcomers.map((m) => m.name),
        }),
      ),
    );
  };
}
