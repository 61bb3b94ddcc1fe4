import { BulkOperationType, type Container, type ItemDefinition, type OperationInput } from '@azure/cosmos';
import { storageUnavailable } from './cosmos-errors';
import { MAX_BATCH_OPERATIONS } from './batched-upsert';

/** Per document: its new ETag; `changed` (412: someone changed it since); `not-done` (the batch stopped first). */
export type ReplaceOutcome = { etag: string } | 'changed' | 'not-done';

/**
 * Replaces documents of one partition, each only if it still has its ETag, in one batch request. Cosmos DB runs a
 * batch as one transaction, so one changed document stops the others (`not-done`: the caller may try them alone);
 * the embedded server stops at the first failure and keeps what went before. Cosmos unreachable rejects as a point
 * write would.
 */
export async function replaceEachIfUnchanged(
  container: Container,
  partitionKey: string,
  items: { document: ItemDefinition & { id: string }; etag: string }[],
  what: string,
): Promise<ReplaceOutcome[]> {
  if (items.length > MAX_BATCH_OPERATIONS)
    throw new RangeError(`at most ${MAX_BATCH_OPERATIONS} in one batch`);
  const operations: OperationInput[] = items.map(({ document, etag }) => ({
    operationType: BulkOperationType.Replace,
    partitionKey,
    id: document.id,
    resourceBody: document,
    ifMatch: etag,
  }));
  try {
    const response = await container.items.batch(operations, partitionKey);
    const results = response.result ?? [];
    return items.map((_, i): ReplaceOutcome => {
      const status = results[i]?.statusCode ?? response.code ?? 500;
      if (status < 400) return { etag: results[i]?.eTag ?? '' };
      return status === 412 ? 'changed' : 'not-done';
    });
  } catch (error) {
    throw storageUnavailable(error, `replace ${what}s`);
  }
}
