import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { networkIdForConversation } from '../../domain/conversation';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';

/**
 * The network and meeting an agenda card points at, when the card belongs to this conversation's network and the
 * meeting still exists; undefined for a stale or altered card.
 */
export async function meetingOfCard(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks' | 'meetings'>,
  ref: { networkId: string; meetingId: string },
): Promise<{ network: Network; meeting: Meeting } | undefined> {
  if (ref.networkId !== networkIdForConversation(context.activity.conversation.id)) return undefined;
  const [network, meeting] = await Promise.all([
    deps.networks.get(ref.networkId),
    deps.meetings.get(ref.networkId, ref.meetingId),
  ]);
  return network && meeting ? { network: network.network, meeting: meeting.meeting } : undefined;
}
