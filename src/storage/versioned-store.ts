import { isAppError } from '../domain/app-error';

/** A document as read or written, with its ETag. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** A document read with its ETag, and how to write it back only if unchanged. */
export interface VersionedStore<T> {
  get(): Promise<Versioned<T> | undefined>;
  replace(value: T, etag: string): Promise<Versioned<T>>;
}

const isConflict = (error: unknown): boolean => isAppError(error) && error.code === 'Conflict';

/**
 * Writes `change` of the freshest version: a lost race (412) re-reads and applies it again, so a concurrent edit
 * by a person is kept, never overwritten. `change` returning undefined means nothing to write. `known`, a version
 * the caller has just read or written, saves the first read: if it is no longer the latest, the write loses the
 * race and the loop reads as usual.
 */
export async function updateLatest<T>(
  store: VersionedStore<T>,
  change: (value: T) => T | undefined,
  known?: Versioned<T>,
  attempts = 5,
): Promise<Versioned<T> | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const current = attempt === 1 && known ? known : await store.get();
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
 * undefined, as do those finding it claimed by a live instance or no longer due. `known` (a version just read, by
 * a query) saves the read; if it is stale the claim is simply lost, as to another instance, and a later pass finds
 * the document again if it is still due.
 */
export async function claimWithEtag<T>(
  store: VersionedStore<T>,
  claim: (value: T) => T | undefined,
  known?: Versioned<T>,
): Promise<Versioned<T> | undefined> {
  const current = known ?? (await store.get());
  if (!current) return undefined;
  const claimed = claim(current.value);
  if (!claimed) return undefined;
  try {
    return await store.replace(claimed, current.etag);
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
}
