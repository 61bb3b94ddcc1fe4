import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { networkIdForConversation } from '../../domain/conversation';
import { isChair, type Network, type PersonRef } from '../../domain/network';
import type { MessageKey, Translate } from '../../i18n/translator';

/**
 * This conversation's network when the person acting is one of its chairs (checked against stored state, never
 * the card); otherwise the sentence that says why not.
 */
export async function networkForChair(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks'>,
  t: Translate,
  chairsOnly: MessageKey = 'meeting.chairsOnly',
): Promise<{ network: Network; actor: PersonRef } | { refusal: string }> {
  const { conversation } = context.activity;
  if (conversation.conversationType === 'personal') return { refusal: t('network.setup.personalChat') };
  const found = await deps.networks.get(networkIdForConversation(conversation.id));
  if (!found || found.network.status !== 'active') return { refusal: t('meeting.networkNotSetUp') };
  const actor = actorOf(context);
  if (!actor || !isChair(found.network, actor.aadObjectId)) {
    return {
      refusal: t(chairsOnly, {
        chairs: found.network.settings.chairs.map((c) => c.name).join(', '),
      }),
    };
  }
  return { network: found.network, actor };
}
