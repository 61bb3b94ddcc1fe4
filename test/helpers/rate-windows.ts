/**
 * Teams' per-second limits as the connector stub keeps them (arrival times per key, in `windows`): whether one more
 * request under every key stays within its limit per second (undefined; counted) or which key it would take over
 * its limit (not counted).
 */
export function overLimit(
  windows: Map<string, number[]>,
  keys: [string, number][],
  now: number,
): string | undefined {
  const counted = keys.map(([key, max]) => {
    const recent = (windows.get(key) ?? []).filter((at) => now - at < 1000);
    windows.set(key, recent);
    return { recent, max };
  });
  const over = counted.findIndex(({ recent, max }) => recent.length >= max);
  if (over >= 0) return keys[over]![0];
  for (const { recent } of counted) recent.push(now);
  return undefined;
}
