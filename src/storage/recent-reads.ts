import { LRUCache } from 'lru-cache';

const MAX_ENTRIES = 1000;

/** A shared read, and a way to hand it a value read some other way (several keys in one query). */
export type RecentRead<T> = ((key: string) => Promise<T>) & { prime(key: string, value: Promise<T>): void };

/**
 * A read kept for `ttlMs` and shared by everyone asking meanwhile (one request, however many wait). For data that
 * changes rarely and is read by many at once: a storm of answers to one card, thousands of reminders in one
 * network. A failed read is not kept. At most MAX_ENTRIES keys, the least recently read going first. `now` (epoch
 * or monotonic ms) is the clock the period is measured on.
 */
export function recently<T>(
  load: (key: string) => Promise<T>,
  ttlMs: number,
  now: () => number = () => performance.now(),
): RecentRead<T> {
  // ttlResolution 0: the age is read from `now` on every get, not from a value cached for a millisecond.
  const entries = new LRUCache<string, Promise<T>>({
    max: MAX_ENTRIES,
    ttl: ttlMs,
    ttlResolution: 0,
    perf: { now },
  });
  const keep = (key: string, value: Promise<T>): void => {
    entries.set(key, value);
    value.catch(() => {
      if (entries.peek(key) === value) entries.delete(key);
    });
  };
  const read = (key: string): Promise<T> => {
    const hit = entries.get(key);
    if (hit) return hit;
    const value = load(key);
    keep(key, value);
    return value;
  };
  return Object.assign(read, { prime: keep });
}
