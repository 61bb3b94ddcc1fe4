import type { Container, ItemDefinition } from '@azure/cosmos';
import { createHash } from 'node:crypto';
import type { Clock } from '../domain/clock';
import {
  conversationDocumentId,
  type ConversationRecord,
  type ConversationReferenceData,
} from '../domain/conversation';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { queryWhereIn } from './query-where-in';

type Stored = ConversationRecord & ItemDefinition & { _etag?: string };

export interface ConversationRepository {
  /**
   * Stores the reference of a conversation the bot was installed in. `isNew` is true only for the one caller
   * that made it active: Teams sends both installationUpdate and conversationUpdate on install, and either may
   * be retried, so only that caller welcomes.
   */
  recordInstall(reference: ConversationReferenceData, installedBy?: string): Promise<{ isNew: boolean }>;
  markRemoved(conversationId: string): Promise<void>;
  /** Several conversations' records in one query, by conversation id (those not found left out). */
  getMany(conversationIds: string[]): Promise<Map<string, ConversationRecord>>;
  get(conversationId: string): Promise<ConversationRecord | undefined>;
  /** The bot's 1:1 chat with a user (by Entra object id, else Teams user id), if known. */
  getPersonal(userKey: string): Promise<PersonalChat | undefined>;
  savePersonal(userKey: string, reference: ConversationReferenceData): Promise<void>;
  /**
   * Teams refused the user's 1:1 chat (403/404): later reminders go to the network's chat. True only for the
   * caller that made the change, so the chair is told once.
   */
  markPersonalDead(userKey: string, httpStatus: number): Promise<boolean>;
  /** Forgets what is known of a user's 1:1 chat (erasure; a re-install records it again). */
  forgetPersonal(userKey: string): Promise<void>;
}

export interface PersonalChat {
  reference?: ConversationReferenceData;
  status: 'active' | 'dead';
  httpStatus?: number;
  updatedAt: string;
}

type PersonalDocument = PersonalChat & { id: string; _etag?: string };

/** The document holding a person's 1:1 chat with the bot. */
export const personalDocumentId = (userKey: string): string =>
  `personal-${createHash('sha256').update(userKey).digest('base64url')}`;

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

    async getMany(conversationIds) {
      const byDocument = new Map(conversationIds.map((id) => [conversationDocumentId(id), id]));
      const records = new Map<string, ConversationRecord>();
      const found = await queryWhereIn<Stored>(
        container,
        { field: 'id', values: [...byDocument.keys()] },
        'read conversations',
      );
      for (const doc of found) {
        const conversationId = byDocument.get(doc.id);
        if (conversationId !== undefined) records.set(conversationId, strip(doc));
      }
      return records;
    },

    async get(conversationId) {
      const stored = await read(conversationDocumentId(conversationId));
      return stored ? strip(stored) : undefined;
    },

    async getPersonal(userKey) {
      const stored = (await read(personalDocumentId(userKey))) as PersonalDocument | undefined;
      if (!stored) return undefined;
      return {
        status: stored.status,
        updatedAt: stored.updatedAt,
        ...(stored.reference ? { reference: stored.reference } : {}),
        ...(stored.httpStatus ? { httpStatus: stored.httpStatus } : {}),
      };
    },

    async savePersonal(userKey, reference) {
      const doc: PersonalDocument = {
        id: personalDocumentId(userKey),
        reference,
        status: 'active',
        updatedAt: clock().toISOString(),
      };
      try {
        await container.items.upsert(doc);
      } catch (error) {
        throw storageUnavailable(error, 'save personal chat');
      }
    },

    async forgetPersonal(userKey) {
      const id = personalDocumentId(userKey);
      try {
        await container.item(id, id).delete();
      } catch (error) {
        if (!hasStatus(error, 404)) throw storageUnavailable(error, 'forget personal chat');
      }
    },

    async markPersonalDead(userKey, httpStatus) {
      const id = personalDocumentId(userKey);
      const existing = (await read(id)) as PersonalDocument | undefined;
      if (existing?.status === 'dead') return false;
      const doc: PersonalDocument = {
        id,
        ...(existing?.reference ? { reference: existing.reference } : {}),
        status: 'dead',
        httpStatus,
        updatedAt: clock().toISOString(),
      };
      try {
        if (existing)
          await container
            .item(id, id)
            .replace(doc, { accessCondition: { type: 'IfMatch', condition: existing._etag ?? '' } });
        else await container.items.create(doc);
        return true;
      } catch (error) {
        // Another instance marked it first and tells the chair.
        if (hasStatus(error, 409) || hasStatus(error, 412)) return false;
        throw storageUnavailable(error, 'mark personal chat dead');
      }
    },
  };
}
