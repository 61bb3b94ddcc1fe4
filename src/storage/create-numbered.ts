import type { Container, ItemDefinition } from '@azure/cosmos';
import { AppError } from '../domain/app-error';
import { hasStatus, storageUnavailable } from './cosmos-errors';

const MAX_ATTEMPTS = 20;

/**
 * Creates the document numbered `first`, or the next free number: the number is part of the id, so two writers at
 * once both succeed, each with its own number (409: taken, try the next). No shared counter to contend on.
 */
export async function createNumbered(
  container: Container,
  first: number,
  document: (number: number) => ItemDefinition & { id: string },
  what: string,
): Promise<{ number: number; etag: string }> {
  for (let attempt = 0, number = first; attempt < MAX_ATTEMPTS; attempt += 1, number += 1) {
    try {
      const { resource } = await container.items.create(document(number));
      return { number, etag: resource?._etag ?? '' };
    } catch (error) {
      if (!hasStatus(error, 409)) throw storageUnavailable(error, `create ${what}`);
    }
  }
  throw new AppError('Unavailable', `no free number for ${what}`);
}
