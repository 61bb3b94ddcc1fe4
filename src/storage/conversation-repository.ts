import type { Container, ItemDefinition } from '@azure/cosmos';
import type { Clock } from '../domain/clock';
import {
  conversationDocumentId,
  type ConversationRecord,
  type ConversationReferenceData,
} from '../domain/conversation';
import { hasStatus, storageUnavailable } from './cosmos-errors';

type Stored = ConversationRecord & ItemDefinition & { _etag?: string };

export interface ConversationRepository {
  /**
   * Stores the reference of a conversation the bot was installed in. `isNew` is true only for the one caller
   * that made it active: Teams sends both installationUpdate and conversationUpdate on install, and either may
   * be retried, so only that caller welcomes.
   */
  recordInstall(reference: ConversationReferenceData, installedBy?: string): Promise<{ isNew: boolean }>;
  markRemoved(conversationId: string): Promise<void>;
  get(conversationId: string): Promise<ConversationRecord | undefined>;
}

const strip = (stored: Stored): ConversationRecord => {
  const { _etag, _rid, _self, _ts, _attachments, ...record } = stored;
  return record;
};

export function createConversationRepository(container: Container, clock: Clock): ConversationRepository {
  const read = async (id: string): Promise<Stored | undefined> => {
    try {
      const { resource } = await container.item(id, id).read<Stored>();
      return resource;
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw storageUnavailable(error, 'read conversation');
    }
  };

  return {
    async recordInstall(reference, installedBy) {
      const id = conversationDocumentId(reference.conversationId);
      const now = clock().toISOString();
      const existing = await read(id);
      const record: ConversationRecord = {
        ...reference,
        id,
        status: 'active',
        installedByAadObjectId: installedBy,
        installedAt: existing?.status === 'active' ? existing.installedAt : now,
        updatedAt: now,
      };
      try {
        if (!existing) {
          await container.items.create(record);
          return { isNew: true };
        }
        await container
          .item(id, id)
          .replace(record, { accessCondition: { type: 'IfMatch', condition: existing._etag ?? '' } });
        return { isNew: existing.status === 'removed' };
      } catch (error) {
        // Another delivery of the same install won the race; it welcomes, this one stays quiet.
        if (hasStatus(error, 409) || hasStatus(error, 412)) return { isNew: false };
        throw storageUnavailable(error, 'record install');
      }
    },

    async markRemoved(conversationId) {
      const id = conversationDocumentId(conversationId);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const existing = await read(id);
        if (!existing || existing.status === 'removed') return;
        try {
          await container
            .item(id, id)
            .replace(
              { ...strip(existing), status: 'removed', updatedAt: clock().toISOString() },
              { accessCondition: { type: 'IfMatch', condition: existing._etag ?? '' } },
            );
          return;
        } catch (error) {
          if (!hasStatus(error, 412)) throw storageUnavailable(error, 'mark conversation removed');
        }
      }
    },

    async get(conversationId) {
      const stored = await read(conversationDocumentId(conversationId));
      return stored ? strip(stored) : undefined;
    },
  };
}
