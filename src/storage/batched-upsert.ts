import { BulkOperationType, type Container, type OperationInput } from '@azure/cosmos';

/** Cosmos DB takes at most 100 operations in one transactional batch. */
export const MAX_BATCH_OPERATIONS = 100;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Pending {
  document: { id: string };
  waiters: Waiter[];
}

interface PartitionQueue {
  pending: Map<string, Pending>;
  busy: boolean;
}

/** Why a batch did not store a document: its operation's status, as a point write's error would carry it. */
export class BatchOperationError extends Error {
  constructor(
    readonly code: number,
    id: string,
  ) {
    super(`batched upsert of ${id} answered ${code}`);
  }
}

export type BatchedUpsert = (partitionKey: string, document: { id: string }) => Promise<void>;

/**
 * Upserts to one container that arrive together are sent as one transactional batch per partition (group commit):
 * the first waits only for the current tick; while a batch is on its way the next ones collect and follow it as one.
 * An answer storm on a meeting is then a few batches instead of a thousand requests. Each caller's promise settles
 * with its own document's outcome; a batch that fails as a whole (Cosmos unreachable) rejects every caller in it, so
 * nobody is told "saved" for a document that was not. Two upserts of one id in the same batch are one operation
 * (the later document), and both callers settle with it.
 */
export function createBatchedUpsert(container: Container): BatchedUpsert {
  const queues = new Map<string, PartitionQueue>();

  const send = async (partitionKey: string, queue: PartitionQueue): Promise<void> => {
    const taken = [...queue.pending.values()].slice(0, MAX_BATCH_OPERATIONS);
    for (const entry of taken) queue.pending.delete(entry.document.id);
    const operations: OperationInput[] = taken.map((entry) => ({
      operationType: BulkOperationType.Upsert,
      // Cosmos takes the batch's key; the embedded server reads each operation's.
      partitionKey,
      resourceBody: entry.document,
    }));
    try {
      const response = await container.items.batch(operations, partitionKey);
      const results = response.result ?? [];
      taken.forEach((entry, i) => {
        const status = results[i]?.statusCode ?? response.code ?? 500;
        for (const waiter of entry.waiters) {
          if (status < 400) waiter.resolve();
          else waiter.reject(new BatchOperationError(status, entry.document.id));
        }
      });
    } catch (error) {
      for (const entry of taken) for (const waiter of entry.waiters) waiter.reject(error);
    }
  };

  const drain = async (partitionKey: string, queue: PartitionQueue): Promise<void> => {
    queue.busy = true;
    while (queue.pending.size > 0) await send(partitionKey, queue);
    queue.busy = false;
    queues.delete(partitionKey);
  };

  return (partitionKey, document) =>
    new Promise<void>((resolve, reject) => {
      let queue = queues.get(partitionKey);
      if (!queue) {
        queue = { pending: new Map(), busy: false };
        queues.set(partitionKey, queue);
      }
      const waiters = queue.pending.get(document.id)?.waiters ?? [];
      waiters.push({ resolve, reject });
      queue.pending.set(document.id, { document, waiters });
      if (!queue.busy) {
        queue.busy = true;
        const started = queue;
        setImmediate(() => void drain(partitionKey, started));
      }
    });
}
