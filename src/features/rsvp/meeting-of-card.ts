import type { TurnContext } from 'botbuilder';
import { networkIdForConversation } from '../../domain/conversation';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import type { MeetingLinkRepository } from '../../storage/meeting-link-repository';
import type { MeetingRepository } from '../../storage/meeting-repository';
import type { NetworkRepository } from '../../storage/network-repository';

/** The reads a card's meeting needs (the answer path passes recent reads: see agenda-view-reads). */
export interface MeetingOfCardReads {
  networks: Pick<NetworkRepository, 'get'>;
  meetings: Pick<MeetingRepository, 'get'>;
  meetingLinks: Pick<MeetingLinkRepository, 'get'>;
}

/**
 * The network and meeting a card points at, when the card is in this network's chat (or in the Teams meeting chat
 * linked to that meeting) and the meeting still exists; undefined for a stale or altered card.
 */
export async function meetingOfCard(
  context: TurnContext,
  deps: MeetingOfCardReads,
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
