import type { Container } from '@azure/cosmos';
import type { OverdueDigest } from '../domain/reminders/overdue-digest';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { replaceIfUnchanged } from './replace-if-unchanged';
import type { VersionedStore } from './versioned-store';
import { withoutSystemFields, type StoredFields } from './without-system-fields';

type DigestDocument = OverdueDigest & StoredFields & { type: 'digest' };

/** One document per network, in the network's partition. */
const DOCUMENT_ID = 'overdue-digest';

export interface DigestRepository {
  /** Starts the network's digests unless they are running already. */
  ensure(networkId: string, nextAt: string): Promise<void>;
  versioned(networkId: string): VersionedStore<OverdueDigest>;
  /** Digests due at `now` and not held by a live claim: reads only those. */
  due(now: Date, limit: number): Promise<OverdueDigest[]>;
}

export function createDigestRepository(container: Container): DigestRepository {
  const get = async (networkId: string) => {
    try {
      const { resource } = await container.item(DOCUMENT_ID, networkId).read<DigestDocument>();
      return resource
        ? { value: withoutSystemFields<OverdueDigest>(resource), etag: resource._etag ?? '' }
        : undefined;
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw storageUnavailable(error, 'read digest');
    }
  };

  return {
    async ensure(networkId, nextAt) {
      try {
        await container.items.create<DigestDocument>({
          networkId,
          nextAt,
          sentTo: [],
          id: DOCUMENT_ID,
          type: 'digest',
        });
      } catch (error) {
        if (!hasStatus(error, 409)) throw storageUnavailable(error, 'create digest');
      }
    },

    versioned: (networkId) => ({
      get: () => get(networkId),
      replace: async (value, etag) => {
        const newEtag = await replaceIfUnchanged(
          container,
          { ...value, id: DOCUMENT_ID, type: 'digest' },
          networkId,
          etag,
          'digest',
        );
        return { value, etag: newEtag };
      },
    }),

    async due(now, limit) {
      try {
        const { resources } = await container.items
          .query<DigestDocument>({
            query:
              "SELECT TOP @limit * FROM c WHERE c.type = 'digest' AND c.nextAt <= @now" +
              ' AND (NOT IS_DEFINED(c.claim) OR c.claim.until <= @now)',
            parameters: [
              { name: '@limit', value: limit },
              { name: '@now', value: now.toISOString() },
            ],
          })
          .fetchAll();
        return resources.map((doc) => withoutSystemFields<OverdueDigest>(doc));
      } catch (error) {
        throw storageUnavailable(error, 'list due digests');
      }
    },
  };
}
