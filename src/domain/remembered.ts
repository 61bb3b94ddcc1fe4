import { LRUCache } from 'lru-cache';

/**
 * A pure function that remembers its latest answers (up to `kept`, the least recently used going first): for the
 * date arithmetic a dispatch of thousands of reminders repeats with the same zone, day and instant, where luxon's
 * time-zone offsets and formatting are costly per call. Answers are shared between callers, so objects must be
 * read-only.
 */
export function remembered<A extends unknown[], R>(
  compute: (...args: A) => R,
  keyOf: (...args: A) => string,
  kept = 1000,
): (...args: A) => R {
  // Boxed: the cache holds no undefined, and an answer may be undefined.
  const answers = new LRUCache<string, { answer: R }>({ max: kept });
  return (...args: A): R => {
    const key = keyOf(...args);
    const hit = answers.get(key);
    if (hit) return hit.answer;
    const answer = compute(...args);
    answers.set(key, { answer });
    return answer;
  };
}
