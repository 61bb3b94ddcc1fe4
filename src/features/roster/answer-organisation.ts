import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { conversationMembers } from '../../bot/conversation-members';
import { turnLanguage } from '../../bot/turn-language';
import { isAlteredCard } from '../../cards/altered-card';
import { organisationSelfSchema } from '../../cards/organisation-cards';
import { createTranslator } from '../../i18n/translator';
import { activeNetwork } from './active-network';

/** A member names their own organisation on the card; the member is the sender, never anyone in the card. */
export function createAnswerOrganisation(deps: Pick<BotDeps, 'networks' | 'roster'>) {
  return async (context: TurnContext, data: unknown): Promise<string> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const network = await activeNetwork(context, deps);
    const parsed = organisationSelfSchema.safeParse(data);
    if (!network || isAlteredCard(parsed) || (parsed.success && parsed.data.networkId !== network.networkId))
      return t('card.stale');
    if (!parsed.success) return t('organisation.required');
    const userId = context.activity.from.id;
    let saved = await deps.roster.setOrganisation(network.networkId, userId, parsed.data.organisation);
    if (!saved) {
      // Joined after the last sync: bring the roster up to date once, then try again.
      await deps.roster.sync(network.networkId, await conversationMembers(context));
      saved = await deps.roster.setOrganisation(network.networkId, userId, parsed.data.organisation);
    }
    if (!saved) return t('organisation.notMember');
    const member = await deps.roster.get(network.networkId, userId);
    return t('organisation.saved', { name: member?.name ?? '', organisation: parsed.data.organisation });
  };
}
