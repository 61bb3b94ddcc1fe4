import type { Container } from '@azure/cosmos';
import type { ImportedMinutes } from '../import/imported-minutes';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { withoutSystemFields } from './without-system-fields';

/** Minutes read and shown to a chair as a preview, kept until she confirms or cancels (or it is an hour old). */
export interface PendingImport {
  importId: string;
  /** Who asked: only they may confirm it. */
  by: string;
  /** The networks it may go into: the one whose chat it came from, or those the sender keeps. */
  networkIds: string[];
  file?: string;
  /** sha256 of the text read: with the network, the import's identity. */
  contentHash: string;
  minutes: ImportedMinutes;
  createdAt: string;
}

export interface PendingImportRepository {
  save(pending: PendingImport): Promise<void>;
  get(importId: string): Promise<PendingImport | undefined>;
  remove(importId: string): Promise<void>;
}

const documentId = (importId: string) => `import:${importId}`;
type PendingDocument = PendingImport & { id: string; type: 'pendingImport'; ttl: number };

/** Kept beside conversation references (partitioned by id): one point read or write each. */
export function createPendingImportRepository(container: Container): PendingImportRepository {
  return {
    async save(pending) {
      try {
        // `ttl`: Cosmos removes a preview nobody answered after an hour (the embedded server has no TTL).
        await container.items.upsert<PendingDocument>({
          ...pending,
          id: documentId(pending.importId),
          type: 'pendingImport',
          ttl: 3600,
        });
      } catch (error) {
        throw storageUnavailable(error, 'save import preview');
      }
    },
    async get(importId) {
      try {
        const { resource } = await container
          .item(documentId(importId), documentId(importId))
          .read<PendingDocument>();
        if (!resource) return undefined;
        return withoutSystemFields<PendingImport>(resource);
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read import preview');
      }
    },
    async remove(importId) {
      try {
        await container.item(documentId(importId), documentId(importId)).delete();
      } catch (error) {
        if (!hasStatus(error, 404)) throw storageUnavailable(error, 'remove import preview');
      }
    },
  };
}
