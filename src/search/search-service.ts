import { LRUCache } from 'lru-cache';
import type { Network } from '../domain/network';
import { retentionCutoff } from '../domain/retention';
import type { SearchSource } from '../storage/search-source';
import { NetworkIndex } from './network-index';

/**
 * Documents kept indexed across all networks (about 1 KB of heap each, so some 60 MB), within the
 * bot's memory target; the least recently searched networks' indexes go first.
 */
const INDEXED_MAX = 60_000;

export interface SearchService {
  /** The network's index, current with what is stored: rebuilt when its version changed (on any instance). */
  index(network: Network, now: Date): Promise<NetworkIndex>;
}

/**
 * One index per network, built from Cosmos on first use and checked against the network's version on every
 * search, so a change made on another instance is found at the next search. Cold networks are evicted, least
 * recently used first, within a bound on the documents held.
 */
export function createSearchService(
  source: SearchSource,
  options: { indexedMax?: number } = {},
): SearchService {
  type Entry = { index: NetworkIndex; stamp: string; builtAtSeconds: number };
  const cache = new LRUCache<string, Entry>({
    maxSize: options.indexedMax ?? INDEXED_MAX,
    sizeCalculation: (entry) => Math.max(1, entry.index.size),
  });
  return {
    async index(network, now) {
      const version = await source.version(network.networkId);
      const entry = cache.get(network.networkId);
      // Cosmos' `_ts` counts seconds: a write in the second the index was built may not show in its stamp.
      if (entry && entry.stamp === version.stamp && version.newestSeconds < entry.builtAtSeconds)
        return entry.index;
      const builtAtSeconds = Math.floor(Date.now() / 1000);
      const cutoff = retentionCutoff(network.settings, now);
      const index = new NetworkIndex(await source.load(network.networkId), network.settings.language, cutoff);
      cache.set(network.networkId, { index, stamp: version.stamp, builtAtSeconds });
      return index;
    },
  };
}
