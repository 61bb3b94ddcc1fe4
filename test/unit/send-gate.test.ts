import { ROUND_TRIPS_KEPT, SAFE_WINDOW_MS, SendGate, type SendRates } from '../../src/bot/send-gate';
import { virtualTime } from '../helpers/virtual-time';

// The gate on virtual time: its waits and the test's own are timers that fire in order, and a stall moves the
// clock with nothing run, so the figures are exact and a loaded machine cannot change them.

type Time = ReturnType<typeof virtualTime>;

const gateOn = (time: Time, rates: SendRates, limits?: SendRates): SendGate =>
  new SendGate(rates, time.now, limits ?? rates, time.sleep);

/** A gate pacing a tenant at `limit` - 1 a second that never lets it over `limit` in a window. */
const gateUnder = (time: Time, limit: number): SendGate =>
  gateOn(time, { perConversation: 7, perTenant: limit - 1 }, { perConversation: 7, perTenant: limit });

/** Times (ms from the start) at which `take` let each request through. */
function passTimes(time: Time, gate: SendGate, requests: [tenant: string, conversation: string][]) {
  const start = time.now();
  return Promise.all(
    requests.map(async ([tenant, conversation]) => {
      await gate.take(tenant, conversation);
      return time.now() - start;
    }),
  );
}

/**
 * Times (ms from the start) at which each of `count` sends to tenant `t`, one per conversation, passed `take`,
 * then `between` (work between the slot and the request), then `admit`.
 */
function admitTimes(
  time: Time,
  gate: SendGate,
  count: number,
  between: (i: number) => unknown = () => undefined,
) {
  const start = time.now();
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      gate
        .take('t', `c${i}`)
        .then(() => between(i))
        .then(() => gate.admit('t', `c${i}`))
        .then(() => time.now() - start),
    ),
  );
}

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
    const time = virtualTime();
    const gate = gateOn(time, { perConversation: 20, perTenant: 1000 });
    const times = await time.run(
      passTimes(
        time,
        gate,
        Array.from({ length: 21 }, () => ['t', 'c'] as [string, string]),
      ),
    );
    expect(Math.max(...times)).toBeGreaterThanOrEqual(999); // 20 gaps of 50 ms
    expect(busiestWindow(times, 500)).toBeLessThanOrEqual(10);
  });

  it("holds a tenant's requests to its rate across conversations, and others' conversations are not slowed", async () => {
    const time = virtualTime();
    const gate = gateOn(time, { perConversation: 7, perTenant: 40 });
    const busy = Array.from({ length: 41 }, (_, i) => ['busy', `c${i}`] as [string, string]);
    const [times, other] = await time.run(
      Promise.all([passTimes(time, gate, busy), passTimes(time, gate, [['quiet', 'q']])]),
    );
    expect(Math.max(...times)).toBeGreaterThanOrEqual(999); // 40 gaps of 25 ms
    expect(busiestWindow(times, 500)).toBeLessThanOrEqual(20);
    expect(other[0]).toBeLessThan(25);
  });

  it("holds any window to Teams' limit even when sends were let out late together (a blocked event loop)", async () => {
    const time = virtualTime();
    // Slots at 0, 100, ... 1,400 ms; then the loop is blocked for 1,500 ms, so every timer is due at once.
    const passed = admitTimes(time, gateUnder(time, 11), 15);
    time.stall(1500);
    const times = await time.run(passed);
    // Without the check the 14 delayed ones pass at once; with it, 11 (the limit) and the rest a window later.
    expect(busiestWindow(times, SAFE_WINDOW_MS)).toBeLessThanOrEqual(11);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(1500 + SAFE_WINDOW_MS);
  });

  it('keeps the pace when each send goes a few ms after its slot', async () => {
    const time = virtualTime();
    // Work between the slot and the request that makes each send a few ms late.
    const times = await time.run(admitTimes(time, gateUnder(time, 21), 41, (i) => time.sleep(4 + (i % 3))));
    // 40 gaps of 50 ms: the lateness does not add up.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...times)).toBeLessThan(2000 + 10);
    expect(busiestWindow(times, SAFE_WINDOW_MS)).toBeLessThanOrEqual(21);
  });

  it('does not push later sends back after one went late (a stalled process keeps its rate)', async () => {
    const time = virtualTime();
    const start = time.now();
    const times = await time.run(
      admitTimes(time, gateUnder(time, 21), 61, (i) => {
        // The tenth send's turn finds the process busy until 650 ms.
        if (i === 10) time.stall(start + 650 - time.now());
      }),
    );
    // 60 gaps of 50 ms; the 150 ms are made up (a check against the pace itself ended near 3,140 ms).
    expect(Math.max(...times)).toBeGreaterThanOrEqual(3000);
    expect(Math.max(...times)).toBeLessThan(3000 + 10);
    expect(busiestWindow(times, SAFE_WINDOW_MS)).toBeLessThanOrEqual(21);
  });

  it("uses the tenant's free slots for other conversations while one conversation waits for its own", async () => {
    const time = virtualTime();
    const gate = gateOn(time, { perConversation: 2, perTenant: 20 });
    // A busy conversation's requests interleaved with ten others': the busy one can go only every 500 ms.
    const requests = Array.from({ length: 10 }, (_, i) => [
      ['t', 'busy'] as [string, string],
      ['t', `other-${i}`] as [string, string],
    ]).flat();
    const times = await time.run(passTimes(time, gate, requests));
    const others = times.filter((_, i) => i % 2 === 1);
    // Twenty slots a second: the others need not wait behind the busy conversation's turns (~5 s in all).
    expect(Math.max(...others)).toBeLessThan(1000);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(9 * 500);
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(20);
  });

  it('counts a send from its answer while too few round trips are known (a stall before it went pushes the next back)', async () => {
    const time = virtualTime();
    // Two sends per SAFE_WINDOW_MS for this tenant.
    const gate = gateOn(time, { perConversation: 7, perTenant: 1.9 }, { perConversation: 7, perTenant: 2 });
    const start = time.now();
    const scenario = async () => {
      (await gate.admit('t', 'c1'))(); // answered at once: the round trip is 0 ms
      const second = await gate.admit('t', 'c2');
      await time.sleep(300); // the process stalls before the request goes
      second();
      const left = time.now() - start;
      await gate.admit('t', 'c3'); // a window after the first
      const third = time.now() - start;
      await gate.admit('t', 'c4'); // a window after the second left, not after it was let out
      return { left, third, fourth: time.now() - start };
    };
    const { left, third, fourth } = await time.run(scenario());
    expect(third).toBeGreaterThanOrEqual(SAFE_WINDOW_MS);
    expect(fourth).toBeGreaterThanOrEqual(left + SAFE_WINDOW_MS);
  });

  it('counts a send from its answer less the quickest known round trip, so slow answers do not lower the rate', async () => {
    const time = virtualTime();
    const gate = gateOn(time, { perConversation: 7, perTenant: 1.9 }, { perConversation: 7, perTenant: 2 });
    const answerIn = async (ms: number, answered: Promise<() => void>): Promise<void> => {
      const answer = await answered;
      await time.sleep(ms);
      answer();
    };
    const scenario = async () => {
      // Enough round trips of 300 ms each, to other tenants (which do not wait on each other).
      await Promise.all(
        Array.from({ length: ROUND_TRIPS_KEPT }, (_, i) => answerIn(300, gate.admit(`warm${i}`, `w${i}`))),
      );
      const start = time.now();
      await answerIn(300, gate.admit('t', 'c1'));
      await answerIn(300, gate.admit('t', 'c2'));
      await gate.admit('t', 'c3'); // a window after the first left (its answer less 300 ms), not after its answer
      return time.now() - start;
    };
    const third = await time.run(scenario());
    expect(third).toBeGreaterThanOrEqual(SAFE_WINDOW_MS);
    expect(third).toBeLessThan(SAFE_WINDOW_MS + 300);
  });

  it("waits out a tenant's Retry-After before its next request", async () => {
    const time = virtualTime();
    const gate = gateOn(time, { perConversation: 7, perTenant: 50 });
    gate.pause('t', 300);
    const [at] = await time.run(passTimes(time, gate, [['t', 'c']]));
    expect(at).toBeGreaterThanOrEqual(300);
  });
});
