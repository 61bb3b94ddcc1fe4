import type { Container } from '@azure/cosmos';
import type { FollowUp } from '../domain/follow-up';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { replaceEachIfUnchanged } from './replace-each-if-unchanged';
import { replaceIfUnchanged } from './replace-if-unchanged';
import type { VersionedStore } from './versioned-store';
import { withoutSystemFields, type StoredFields } from './without-system-fields';

type FollowUpDocument = FollowUp & StoredFields & { type: 'followUp' };

export interface VersionedFollowUp {
  followUp: FollowUp;
  etag: string;
}

export interface FollowUpRepository {
  /** Creates it; the same id twice (a retried write) is the same follow-up, not a second one. */
  create(followUp: FollowUp): Promise<VersionedFollowUp>;
  get(networkId: string, followUpId: string): Promise<VersionedFollowUp | undefined>;
  /** Replaces it if nobody changed it since `etag`; a lost race is a Conflict. */
  replace(followUp: FollowUp, etag: string): Promise<VersionedFollowUp>;
  /** Open follow-ups of a network, earliest deadline first (none last): one single-partition query. */
  listOpen(networkId: string): Promise<FollowUp[]>;
  listForMeeting(networkId: string, meetingId: string): Promise<FollowUp[]>;
  /**
   * Replaces follow-ups of one network, each only if unchanged since its ETag, in one request: per follow-up the
   * new version, `changed` (a lost race) or `not-done` (another's conflict stopped the batch first).
   */
  replaceEach(
    networkId: string,
    items: VersionedFollowUp[],
  ): Promise<(VersionedFollowUp | 'changed' | 'not-done')[]>;
  /** The follow-up as a store for read-modify-write with its ETag. */
  versioned(networkId: string, followUpId: string): VersionedStore<FollowUp>;
  /**
   * Follow-ups, in any network, whose next reminder is due at `now` and not held by a live claim, with their ETags
   * (a claim needs no second read). Reads only those (the range index on `reminders.nextAt`): finished and future
   * ones cost nothing.
   */
  dueReminders(now: Date, limit: number): Promise<VersionedFollowUp[]>;
}

const followUpDocumentId = (followUpId: string): string => `fu:${followUpId}`;

/** A follow-up as a store for read-modify-write, over a repository's get and replace. */
export const versionedFollowUp = (
  repository: Pick<FollowUpRepository, 'get' | 'replace'>,
  networkId: string,
  followUpId: string,
): VersionedStore<FollowUp> => ({
  get: async () => {
    const found = await repository.get(networkId, followUpId);
    return found ? { value: found.followUp, etag: found.etag } : undefined;
  },
  replace: async (value, etag) => {
    const saved = await repository.replace(value, etag);
    return { value: saved.followUp, etag: saved.etag };
  },
});

const strip = (doc: FollowUpDocument): FollowUp => withoutSystemFields<FollowUp>(doc);

const byDue = (a: FollowUp, b: FollowUp): number =>
  (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt.localeCompare(b.createdAt);

export function createFollowUpRepository(container: Container): FollowUpRepository {
  const query = async (networkId: string, where: string, parameters: { name: string; value: string }[]) => {
    try {
      const { resources } = await container.items
        .query<FollowUpDocument>(
          {
            query: `SELECT * FROM c WHERE c.networkId = @networkId AND c.type = 'followUp' AND ${where}`,
            parameters: [{ name: '@networkId', value: networkId }, ...parameters],
          },
          { partitionKey: networkId },
        )
        .fetchAll();
      return resources.map(strip).sort(byDue);
    } catch (error) {
      throw storageUnavailable(error, 'list follow-ups');
    }
  };

  const get = async (networkId: string, followUpId: string): Promise<VersionedFollowUp | undefined> => {
    try {
      const { resource } = await container
        .item(followUpDocumentId(followUpId), networkId)
        .read<FollowUpDocument>();
      return resource ? { followUp: strip(resource), etag: resource._etag ?? '' } : undefined;
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw storageUnavailable(error, 'read follow-up');
    }
  };

  const documentOf = (followUp: FollowUp) => ({
    ...followUp,
    id: followUpDocumentId(followUp.followUpId),
    type: 'followUp' as const,
  });

  const replace = async (followUp: FollowUp, etag: string): Promise<VersionedFollowUp> => {
    const newEtag = await replaceIfUnchanged(
      container,
      documentOf(followUp),
      followUp.networkId,
      etag,
      'follow-up',
    );
    return { followUp, etag: newEtag };
  };

  return {
    get,
    replace,

    async replaceEach(networkId, items) {
      const outcomes = await replaceEachIfUnchanged(
        container,
        networkId,
        items.map(({ followUp, etag }) => ({ document: documentOf(followUp), etag })),
        'follow-up',
      );
      return items.map(({ followUp }, i) => {
        const outcome = outcomes[i] ?? 'not-done';
        return typeof outcome === 'string' ? outcome : { followUp, etag: outcome.etag };
      });
    },

    async create(followUp) {
      try {
        const { resource } = await container.items.create<FollowUpDocument>(documentOf(followUp));
        return { followUp, etag: resource?._etag ?? '' };
      } catch (error) {
        if (!hasStatus(error, 409)) throw storageUnavailable(error, 'create follow-up');
        const existing = await get(followUp.networkId, followUp.followUpId);
        if (!existing) throw storageUnavailable(error, 'create follow-up');
        return existing;
      }
    },

    listOpen: (networkId) => query(networkId, "c.status = 'open'", []),
    listForMeeting: (networkId, meetingId) =>
      query(networkId, 'c.meetingId = @meetingId', [{ name: '@meetingId', value: meetingId }]),

    versioned: (networkId, followUpId) => versionedFollowUp({ get, replace }, networkId, followUpId),

    async dueReminders(now, limit) {
      try {
        const { resources } = await container.items
          .query<FollowUpDocument>({
            query:
              "SELECT TOP @limit * FROM c WHERE c.type = 'followUp' AND c.reminders.nextAt <= @now" +
              ' AND (NOT IS_DEFINED(c.reminders.claim) OR c.reminders.claim.until <= @now)',
            parameters: [
              { name: '@limit', value: limit },
              { name: '@now', value: now.toISOString() },
            ],
          })
          .fetchAll();
        return resources.map((doc) => ({ followUp: strip(doc), etag: doc._etag ?? '' }));
      } catch (error) {
        throw storageUnavailable(error, 'list due reminders');
      }
    },
  };
}
