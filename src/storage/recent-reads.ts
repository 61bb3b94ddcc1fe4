const MAX_ENTRIES = 1000;

/** A shared read, and a way to hand it a value read some other way (several keys in one query). */
export type RecentRead<T> = ((key: string) => Promise<T>) & { prime(key: string, value: Promise<T>): void };

/**
 * A read kept for `ttlMs` and shared by everyone asking meanwhile (one request, however many wait). For data that
 * changes rarely and is read by many at once: a storm of answers to one card, thousands of reminders in one
 * network. A failed read is not kept.
 */
export function recently<T>(load: (key: string) => Promise<T>, ttlMs: number): RecentRead<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  const keep = (key: string, value: Promise<T>): void => {
    entries.delete(key);
    entries.set(key, { at: Date.now(), value });
    // At most MAX_ENTRIES: the oldest go first (a Map iterates in insertion order, and a refresh re-inserts).
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    value.catch(() => entries.delete(key));
  };
  const read = (key: string): Promise<T> => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load(key);
    keep(key, value);
    return value;
  };
  return Object.assign(read, { prime: keep });
}
