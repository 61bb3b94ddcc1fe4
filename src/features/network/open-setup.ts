import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { conversationMembers } from '../../bot/conversation-members';
import { turnLanguage } from '../../bot/turn-language';
import { renderNetworkSetupCard } from '../../cards/network-setup-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { networkIdForConversation } from '../../domain/conversation';
import { canChangeSettings, initialSettings, type Network } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';

/**
 * The setup card for this conversation's network, creating the network (pending) on first use; or the reason
 * the user may not see it. Shared by the install welcome, the `inställningar` command and the summary's button.
 */
export function createOpenSetup(deps: Pick<BotDeps, 'networks' | 'roster' | 'clock'>) {
  return async (context: TurnContext): Promise<AdaptiveCardJson | string> => {
    const language = await turnLanguage(context, deps.networks);
    const t = createTranslator(language);
    const { conversation, locale } = context.activity;
    if (conversation.conversationType === 'personal') return t('network.setup.personalChat');

    const networkId = networkIdForConversation(conversation.id);
    let network = (await deps.networks.get(networkId))?.network;
    if (!network) {
      const now = deps.clock().toISOString();
      const fresh: Network = {
        networkId,
        conversationId: conversation.id,
        status: 'pending',
        settings: initialSettings(
          actorOf(context),
          conversation.name ?? '',
          locale?.startsWith('en') ? 'en' : 'sv',
        ),
        createdAt: now,
        updatedAt: now,
      };
      await deps.networks.createIfAbsent(fresh);
      network = (await deps.networks.get(networkId))?.network ?? fresh;
    }
    if (!canChangeSettings(network, actorOf(context)?.aadObjectId)) {
      return t('network.setup.chairsOnly', { chairs: network.settings.chairs.map((c) => c.name).join(', ') });
    }
    const members = await deps.roster.sync(networkId, await conversationMembers(context));
    return renderNetworkSetupCard({ language, network, members });
  };
}
