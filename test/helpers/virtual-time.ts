/**
 * A clock and timers that move only when told: `sleep` waits on virtual time, and `run` fires the waiting timers
 * in order, setting the clock to each one's time, until the work settles. A `stall` moves the clock with nothing
 * run meanwhile, as a blocked event loop or a long garbage collection would. Results do not depend on how busy
 * the machine is.
 */
export function virtualTime(start = 1_000_000) {
  let now = start;
  let order = 0;
  const timers: { at: number; order: number; fire: () => void }[] = [];
  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    now: (): number => now,
    sleep: (ms: number): Promise<void> =>
      new Promise((resolve) => timers.push({ at: now + Math.max(0, ms), order: order++, fire: resolve })),
    stall(ms: number): void {
      now += ms;
    },
    async run<T>(work: Promise<T>): Promise<T> {
      let settled = false;
      work.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (;;) {
        await flush();
        if (settled) return work;
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift();
        if (!next) throw new Error('nothing left to wait for, and the work has not settled');
        now = Math.max(now, next.at);
        next.fire();
      }
    },
  };
}
