import { AppError } from '../../src/domain/app-error';
import {
  claimWithEtag,
  updateLatest,
  type Versioned,
  type VersionedStore,
} from '../../src/storage/versioned-store';

/** One document in memory with Cosmos' rule: a write names the ETag it read, or loses (Conflict). */
function memoryStore(initial: number) {
  let current: Versioned<number> = { value: initial, etag: 'e0' };
  let version = 0;
  const counts = { gets: 0, replaces: 0 };
  const store: VersionedStore<number> = {
    get: () => {
      counts.gets += 1;
      return Promise.resolve(current);
    },
    replace: (value, etag) => {
      counts.replaces += 1;
      if (etag !== current.etag) return Promise.reject(new AppError('Conflict', 'etag'));
      current = { value, etag: `e${++version}` };
      return Promise.resolve(current);
    },
  };
  return { store, counts, changeBehind: (value: number) => (current = { value, etag: `e${++version}` }) };
}

describe('versioned store helpers with a known version', () => {
  it('claims the known version without reading it', async () => {
    const { store, counts } = memoryStore(1);
    const claimed = await claimWithEtag(store, (v) => v + 10, { value: 1, etag: 'e0' });
    expect(claimed).toEqual({ value: 11, etag: 'e1' });
    expect(counts).toEqual({ gets: 0, replaces: 1 });
  });

  it('loses the claim, as to another instance, when the known version is stale', async () => {
    const { store, changeBehind } = memoryStore(1);
    changeBehind(2);
    expect(await claimWithEtag(store, (v) => v + 10, { value: 1, etag: 'e0' })).toBeUndefined();
  });

  it('updates over the known version without reading, and re-reads the latest when it is stale', async () => {
    const fresh = memoryStore(1);
    expect(await updateLatest(fresh.store, (v) => v * 2, { value: 1, etag: 'e0' })).toEqual({
      value: 2,
      etag: 'e1',
    });
    expect(fresh.counts).toEqual({ gets: 0, replaces: 1 });

    const stale = memoryStore(1);
    stale.changeBehind(5);
    // A person changed it meanwhile: their change is kept and this one applied on top.
    expect(await updateLatest(stale.store, (v) => v * 2, { value: 1, etag: 'e0' })).toEqual({
      value: 10,
      etag: 'e2',
    });
    expect(stale.counts).toEqual({ gets: 1, replaces: 2 });
  });
});
