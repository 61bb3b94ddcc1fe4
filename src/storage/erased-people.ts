import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * That a person was erased from a network, so a roster sync does not write them back from Teams' member list while
 * they are still in the chat. It names no one: each of their ids is kept only as a SHA-256 of a random salt and the
 * id, recognisable when Teams lists that id again and readable from nothing else.
 */
export interface ErasedPerson {
  networkId: string;
  salt: string;
  keys: string[];
  erasedAt: string;
}

const keyOf = (salt: string, id: string): string =>
  createHash('sha256').update(salt).update('\u0000').update(id).digest('base64url');

/** The marker for one person's ids (Entra object id, Teams user id), under a random document id. */
export function erasedPersonDocument(
  networkId: string,
  ids: string[],
  now: Date,
): ErasedPerson & { id: string; type: 'erasedPerson' } {
  const salt = randomBytes(16).toString('base64url');
  return {
    id: `erased-${randomUUID()}`,
    type: 'erasedPerson',
    networkId,
    salt,
    keys: [...new Set(ids)].map((id) => keyOf(salt, id)),
    erasedAt: now.toISOString(),
  };
}

/** Whether the marker is for someone with one of these ids. */
export const isErasedPerson = (marker: ErasedPerson, ids: (string | undefined)[]): boolean =>
  ids.some((id) => id !== undefined && marker.keys.includes(keyOf(marker.salt, id)));
