import type { Container, ItemDefinition } from '@azure/cosmos';
import { AppError } from '../domain/app-error';
import { hasStatus, storageUnavailable } from './cosmos-errors';

/**
 * Replaces a shared document only if it still has `etag` (IfMatch); returns the new ETag. A 412 means someone
 * changed it since it was read: a Conflict the caller turns into a fresh card or a retry, never a lost update.
 */
export async function replaceIfUnchanged(
  container: Container,
  document: ItemDefinition & { id: string },
  partitionKey: string,
  etag: string,
  what: string,
): Promise<string> {
  try {
    const { resource } = await container
      .item(document.id, partitionKey)
      .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
    return resource?._etag ?? '';
  } catch (error) {
    if (hasStatus(error, 412)) throw new AppError('Conflict', `${what} changed meanwhile`);
    throw storageUnavailable(error, `replace ${what}`);
  }
}
