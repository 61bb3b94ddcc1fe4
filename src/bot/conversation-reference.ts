import type { Activity, ConversationReference } from 'botbuilder';
import type { ConversationReferenceData, ConversationType } from '../domain/conversation';

const TYPES: Record<string, ConversationType> = {
  personal: 'personal',
  groupChat: 'groupChat',
  channel: 'channel',
};

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
}

/** The parts of an incoming activity needed to message its conversation later (proactively). */
export function referenceFromActivity(activity: Activity): ConversationReferenceData {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  return {
    conversationId: activity.conversation.id,
    conversationType:
      TYPES[activity.conversation.conversationType ?? ''] ?? (channelData.team ? 'channel' : 'personal'),
    tenantId: activity.conversation.tenantId ?? channelData.tenant?.id,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    botId: activity.recipient.id,
    botName: activity.recipient.name,
    teamId: channelData.team?.id,
    locale: activity.locale,
  };
}

/** The stored reference as botbuilder wants it for continueConversation. */
export function toConversationReference(stored: ConversationReferenceData): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    bot: { id: stored.botId, name: stored.botName ?? '' },
    conversation: {
      id: stored.conversationId,
      conversationType: stored.conversationType,
      isGroup: stored.conversationType !== 'personal',
      tenantId: stored.tenantId,
      name: '',
    },
  };
}
