import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `check` holds (asked again every few ms) and returns what it found; fails naming `what` after
 * `timeoutMs`. For a state the test cannot be told about, such as a document another process writes.
 */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
