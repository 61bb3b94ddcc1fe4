import { createHash } from 'node:crypto';

export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** What the bot needs to write to a conversation later, without a user's message to reply to. */
export interface ConversationReferenceData {
  conversationId: string;
  conversationType: ConversationType;
  tenantId?: string;
  serviceUrl: string;
  channelId: string;
  botId: string;
  botName?: string;
  teamId?: string;
  locale?: string;
}

export interface ConversationRecord extends ConversationReferenceData {
  id: string;
  status: 'active' | 'removed';
  installedByAadObjectId?: string;
  installedAt: string;
  updatedAt: string;
}

/**
 * A channel's thread replies carry `;messageid=...` on the conversation id; the conversation is the channel.
 */
export const conversationKey = (conversationId: string): string =>
  conversationId.split(';messageid=')[0] ?? conversationId;

/**
 * Teams ids can exceed Cosmos' 255-character id limit and contain characters Cosmos ids forbid ('/', '#'),
 * so documents are keyed by a hash of the conversation key.
 */
export const conversationDocumentId = (conversationId: string): string =>
  `conv-${createHash('sha256').update(conversationKey(conversationId)).digest('base64url')}`;

/** A network lives in one group chat or team channel, so its id derives from that conversation. */
export const networkIdForConversation = (conversationId: string): string =>
  `net-${createHash('sha256').update(conversationKey(conversationId)).digest('base64url')}`;
