import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { networkIdForConversation } from '../../domain/conversation';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';

/**
 * The network and meeting a card points at, when the card is in this network's chat (or in the Teams meeting chat
 * linked to that meeting) and the meeting still exists; undefined for a stale or altered card.
 */
export async function meetingOfCard(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks'>,
  ref: { networkId: string; meetingId: string },
): Promise<{ network: Network; meeting: Meeting } | undefined> {
  const conversationId = context.activity.conversation.id;
  if (ref.networkId !== networkIdForConversation(conversationId)) {
    const link = await deps.meetingLinks.get(conversationId);
    if (link?.networkId !== ref.networkId || link.meetingId !== ref.meetingId) return undefined;
  }
  const [network, meeting] = await Promise.all([
    deps.networks.get(ref.networkId),
    deps.meetings.get(ref.networkId, ref.meetingId),
  ]);
  return network && meeting ? { network: network.network, meeting: meeting.meeting } : undefined;
}
