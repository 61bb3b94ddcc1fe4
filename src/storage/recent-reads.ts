/**
 * A read kept for `ttlMs` and shared by everyone asking meanwhile (one request, however many wait). For data that
 * changes rarely and is read by many at once: a storm of answers to one card, thousands of reminders in one
 * network. A failed read is not kept.
 */
const MAX_ENTRIES = 1000;

export function recently<T>(load: (key: string) => Promise<T>, ttlMs: number): (key: string) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = load(key);
    entries.delete(key);
    entries.set(key, { at: now, value });
    // At most MAX_ENTRIES: the oldest go first (a Map iterates in insertion order, and a refresh re-inserts).
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    value.catch(() => entries.delete(key));
    return value;
  };
}
