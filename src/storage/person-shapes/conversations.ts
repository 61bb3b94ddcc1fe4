import type { ConversationRecord, ConversationReferenceData } from '../../domain/conversation';
import type { PersonalChat } from '../conversation-repository';
import type { MeetingLink } from '../meeting-link-repository';
import type { PendingImport } from '../pending-import-repository';
import type { Shape, Stored } from '../person-shape';

/** Where the `conversations` container's documents hold a person's data. */
const reference: Shape<ConversationReferenceData> = {
  conversationId: 'none',
  conversationType: 'none',
  tenantId: 'none',
  serviceUrl: 'none',
  channelId: 'none',
  botId: 'none',
  botName: 'none',
  teamId: 'none',
  locale: 'none',
};

export const conversation: Shape<ConversationRecord> = {
  ...reference,
  id: 'none',
  status: 'none',
  installedByAadObjectId: 'id',
  installedAt: 'none',
  updatedAt: 'none',
};

export const personalChat: Shape<PersonalChat & { id: string }> = {
  id: 'none',
  reference,
  status: 'none',
  httpStatus: 'none',
  updatedAt: 'none',
};

export const meetingLink: Shape<Stored<MeetingLink, 'meetingLink'>> = {
  id: 'none',
  type: 'none',
  meetingChatId: 'none',
  networkId: 'none',
  meetingId: 'none',
  teamsMeetingId: 'none',
  linkedAt: 'none',
};

export const pendingImport: Shape<Stored<PendingImport, 'pendingImport'> & { ttl: number }> = {
  id: 'none',
  type: 'none',
  ttl: 'none',
  importId: 'none',
  by: 'id',
  networkIds: 'none',
  file: 'typed',
  contentHash: 'none',
  minutes: 'typed',
  createdAt: 'none',
};
