import { SendGate } from '../../src/bot/send-gate';

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

  it('holds any one second to the rate even when sends were let out late together (a blocked event loop)', async () => {
    const gate = new SendGate({ perConversation: 7, perTenant: 10 });
    const start = Date.now();
    // Slots at 0, 100, ... 1,400 ms; then the loop is blocked for 1,500 ms, so every timer is due at once.
    const passed = Array.from({ length: 15 }, (_, i) =>
      gate
        .take('t', `c${i}`)
        .then(() => gate.admit('t', `c${i}`))
        .then(() => Date.now() - start),
    );
    setImmediate(() => {
      while (Date.now() - start < 1500) {
        // busy: nothing else runs
      }
    });
    const times = await Promise.all(passed);
    // Without the check the 14 delayed ones pass at once.
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(10);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(2490);
  });

  it("waits out a tenant's Retry-After before its next request", async () => {
    const gate = new SendGate({ perConversation: 7, perTenant: 50 });
    gate.pause('t', 300);
    const [time] = await passTimes(gate, [['t', 'c']]);
    expect(time).toBeGreaterThanOrEqual(290);
  });
});
