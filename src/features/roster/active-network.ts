import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { networkIdForConversation } from '../../domain/conversation';
import type { Network } from '../../domain/network';

/** This conversation's network if it has been set up. */
export async function activeNetwork(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks'>,
): Promise<Network | undefined> {
  if (context.activity.conversation.conversationType === 'personal') return undefined;
  const found = await deps.networks.get(networkIdForConversation(context.activity.conversation.id));
  return found?.network.status === 'active' ? found.network : undefined;
}
