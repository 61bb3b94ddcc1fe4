import { ROUND_TRIPS_KEPT, SAFE_WINDOW_MS, SendGate } from '../../src/bot/send-gate';

/** Times (ms from start) at which `take` let each request through. */
async function passTimes(
  gate: SendGate,
  requests: [tenant: string, conversation: string][],
): Promise<number[]> {
  const start = Date.now();
  return Promise.all(
    requests.map(async ([tenant, conversation]) => {
      await gate.take(tenant, conversation);
      return Date.now() - start;
    }),
  );
}

/**
 * Times (ms from `start`) at which each of `count` sends to tenant `t`, one per conversation, passed `take`, then
 * `between` (work between the slot and the request), then `admit`.
 */
function admitTimes(
  gate: SendGate,
  count: number,
  start = Date.now(),
  between: (i: number) => unknown = () => undefined,
): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      gate
        .take('t', `c${i}`)
        .then(() => between(i))
        .then(() => gate.admit('t', `c${i}`))
        .then(() => Date.now() - start),
    ),
  );
}

/** A gate pacing a tenant at `limit` - 1 a second that never lets it over `limit` in a window. */
const gateUnder = (limit: number): SendGate =>
  new SendGate({ perConversation: 7, perTenant: limit - 1 }, Date.now, {
    perConversation: 7,
    perTenant: limit,
  });

/** How much later than `admit` counted a send the test may see it pass (its promise chain runs after). */
const MEASURED_LATE_MS = 5;

/** The most requests that passed within any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    let j = i;
    while (j < sorted.length && sorted[j]! - sorted[i]! < windowMs) j += 1;
    most = Math.max(most, j - i);
  }
  return most;
}

describe('SendGate', () => {
  it('spaces requests to one conversation to its rate', async () => {
    const times = await passTimes(
      new SendGate({ perConversation: 20, perTenant: 1000 }),
      Array.from({ length: 21 }, () => ['t', 'c'] as [string, string]),
    );
    expect(Math.max(...times)).toBeGreaterThanOrEqual(950); // 20 gaps of 50 ms
    expect(busiestWindow(times, 500)).toBeLessThanOrEqual(11);
  });

  it("holds a tenant's requests to its rate across conversations, and others' conversations are not slowed", async () => {
    const gate = new SendGate({ perConversation: 7, perTenant: 40 });
    const busy = Array.from({ length: 41 }, (_, i) => ['busy', `c${i}`] as [string, string]);
    const [times, other] = await Promise.all([passTimes(gate, busy), passTimes(gate, [['quiet', 'q']])]);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(950); // 40 gaps of 25 ms
    expect(busiestWindow(times, 500)).toBeLessThanOrEqual(21);
    expect(other[0]).toBeLessThan(50);
  });

  it("holds any window to Teams' limit even when sends were let out late together (a blocked event loop)", async () => {
    const start = Date.now();
    // Slots at 0, 100, ... 1,400 ms; then the loop is blocked for 1,500 ms, so every timer is due at once.
    const passed = admitTimes(gateUnder(11), 15, start);
    setImmediate(() => {
      while (Date.now() - start < 1500) {
        // busy: nothing else runs
      }
    });
    const times = await passed;
    // Without the check the 14 delayed ones pass at once; with it, 11 (the limit) and the rest a window later.
    expect(busiestWindow(times, SAFE_WINDOW_MS - MEASURED_LATE_MS)).toBeLessThanOrEqual(11);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(1500 + SAFE_WINDOW_MS - 10);
  });

  it('keeps the pace when each send goes a few ms after its slot', async () => {
    // Work between the slot and the request that makes each send a few ms late.
    const times = await admitTimes(
      gateUnder(21),
      41,
      Date.now(),
      (i) => new Promise((resolve) => setTimeout(resolve, 4 + (i % 3))),
    );
    // 40 gaps of 50 ms: the lateness does not add up.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...times)).toBeLessThan(2000 + 100);
    expect(busiestWindow(times, SAFE_WINDOW_MS - MEASURED_LATE_MS)).toBeLessThanOrEqual(21);
  });

  it('does not push later sends back after one went late (a stalled process keeps its rate)', async () => {
    const start = Date.now();
    const times = await admitTimes(gateUnder(21), 61, start, (i) => {
      // The tenth send's turn finds the process busy for 150 ms.
      if (i === 10)
        while (Date.now() - start < 650) {
          // busy
        }
    });
    // 60 gaps of 50 ms; the 150 ms are made up (a check against the pace itself ended near 3,140 ms).
    expect(Math.max(...times)).toBeGreaterThanOrEqual(3000);
    expect(Math.max(...times)).toBeLessThan(3000 + 60);
    expect(busiestWindow(times, SAFE_WINDOW_MS - MEASURED_LATE_MS)).toBeLessThanOrEqual(21);
  });

  it("uses the tenant's free slots for other conversations while one conversation waits for its own", async () => {
    const gate = new SendGate({ perConversation: 2, perTenant: 20 });
    // A busy conversation's requests interleaved with ten others': the busy one can go only every ~500 ms.
    const requests = Array.from({ length: 10 }, (_, i) => [
      ['t', 'busy'] as [string, string],
      ['t', `other-${i}`] as [string, string],
    ]).flat();
    const times = await passTimes(gate, requests);
    const others = times.filter((_, i) => i % 2 === 1);
    // Twenty slots a second: the others need not wait behind the busy conversation's turns (~5 s in all).
    expect(Math.max(...others)).toBeLessThan(1000);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(9 * 500);
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(20);
  });

  it('counts a send from its answer while too few round trips are known (a stall before it went pushes the next back)', async () => {
    // Two sends per SAFE_WINDOW_MS for this tenant.
    const gate = new SendGate({ perConversation: 7, perTenant: 1.9 }, Date.now, {
      perConversation: 7,
      perTenant: 2,
    });
    const start = Date.now();
    const since = () => Date.now() - start;
    (await gate.admit('t', 'c1'))(); // answered at once: the round trip is ~0 ms
    const second = await gate.admit('t', 'c2');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the process stalls before the request goes
    second();
    const left = since();
    await gate.admit('t', 'c3'); // a window after the first
    expect(since()).toBeGreaterThanOrEqual(SAFE_WINDOW_MS - 5);
    await gate.admit('t', 'c4'); // a window after the second left, not after it was let out
    expect(since()).toBeGreaterThanOrEqual(left + SAFE_WINDOW_MS - 5);
  });

  it('counts a send from its answer less the quickest known round trip, so slow answers do not lower the rate', async () => {
    const gate = new SendGate({ perConversation: 7, perTenant: 1.9 }, Date.now, {
      perConversation: 7,
      perTenant: 2,
    });
    const answerIn = async (ms: number, answered: Promise<() => void>): Promise<void> => {
      const answer = await answered;
      await new Promise((resolve) => setTimeout(resolve, ms));
      answer();
    };
    // Enough round trips of 300 ms each, to other tenants (which do not wait on each other).
    await Promise.all(
      Array.from({ length: ROUND_TRIPS_KEPT }, (_, i) => answerIn(300, gate.admit(`warm${i}`, `w${i}`))),
    );
    const start = Date.now();
    const since = () => Date.now() - start;
    await answerIn(300, gate.admit('t', 'c1'));
    await answerIn(300, gate.admit('t', 'c2'));
    await gate.admit('t', 'c3'); // a window after the first left (its answer less 300 ms), not after its answer
    expect(since()).toBeGreaterThanOrEqual(SAFE_WINDOW_MS - 5);
    expect(since()).toBeLessThan(SAFE_WINDOW_MS + 200);
  });

  it("waits out a tenant's Retry-After before its next request", async () => {
    const gate = new SendGate({ perConversation: 7, perTenant: 50 });
    gate.pause('t', 300);
    const [time] = await passTimes(gate, [['t', 'c']]);
    expect(time).toBeGreaterThanOrEqual(290);
  });
});
