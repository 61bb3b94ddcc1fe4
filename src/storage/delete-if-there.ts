import type { Container } from '@azure/cosmos';
import { hasStatus } from './cosmos-errors';

/**
 * Deletes a document; true if this call deleted it. Another instance (a sweep, an erasure) may have deleted it
 * first: gone is gone.
 */
export async function deleteIfThere(container: Container, id: string, partition: string): Promise<boolean> {
  try {
    await container.item(id, partition).delete();
    return true;
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
    return false;
  }
}
