import { isAppError } from '../domain/app-error';

/** A document read with its ETag, and how to write it back only if unchanged. */
export interface VersionedStore<T> {
  get(): Promise<{ value: T; etag: string } | undefined>;
  replace(value: T, etag: string): Promise<{ value: T; etag: string }>;
}

const isConflict = (error: unknown): boolean => isAppError(error) && error.code === 'Conflict';

/**
 * Writes `change` of the freshest version: a lost race (412) re-reads and applies it again, so a concurrent edit
 * by a person is kept, never overwritten. `change` returning undefined means nothing to write.
 */
export async function updateLatest<T>(
  store: VersionedStore<T>,
  change: (value: T) => T | undefined,
  attempts = 5,
): Promise<{ value: T; etag: string } | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.get();
    if (!current) return undefined;
    const next = change(current.value);
    if (next === undefined) return current;
    try {
      return await store.replace(next, current.etag);
    } catch (error) {
      if (!isConflict(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Takes a document for this instance with its ETag: of instances racing for it one wins and the others get
 * undefined, as do those finding it claimed by a live instance or no longer due.
 */
export async function claimWithEtag<T>(
  store: VersionedStore<T>,
  claim: (value: T) => T | undefined,
): Promise<T | undefined> {
  const current = await store.get();
  if (!current) return undefined;
  const claimed = claim(current.value);
  if (!claimed) return undefined;
  try {
    return (await store.replace(claimed, current.etag)).value;
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
}
