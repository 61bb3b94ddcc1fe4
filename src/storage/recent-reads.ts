/**
 * A read kept for `ttlMs` and shared by everyone asking meanwhile (one request, however many wait). For data that
 * changes rarely and is read by many at once: a storm of answers to one card, thousands of reminders in one
 * network. A failed read is not kept.
 */
export function recently<T>(load: (key: string) => Promise<T>, ttlMs: number): (key: string) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    // Expired entries go when the map grows: keys are networks and meetings, a few hundred at most.
    if (entries.size >= 1000)
      for (const [old, entry] of entries) if (now - entry.at >= ttlMs) entries.delete(old);
    const value = load(key);
    entries.set(key, { at: now, value });
    value.catch(() => entries.delete(key));
    return value;
  };
}
