/**
 * A pure function that remembers its latest answers (up to `kept`, then starts over): for the date arithmetic a
 * dispatch of thousands of reminders repeats with the same zone, day and instant, where luxon's time-zone offsets
 * and formatting are costly per call. Answers are shared between callers, so objects must be read-only.
 */
export function remembered<A extends unknown[], R>(
  compute: (...args: A) => R,
  keyOf: (...args: A) => string,
  kept = 1000,
): (...args: A) => R {
  const answers = new Map<string, R>();
  return (...args: A): R => {
    const key = keyOf(...args);
    if (answers.has(key)) return answers.get(key) as R;
    const answer = compute(...args);
    if (answers.size >= kept) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
