import { SendGate, TEAMS_SEND_RATES } from '../../src/bot/send-gate';
import { createTenantSendLeases } from '../../src/bot/tenant-send-leases';
import { createTenantLeaseRepository } from '../../src/storage/tenant-lease-repository';
import { setUpNetwork } from '../helpers/network-setup';
import {
  COUNT,
  DUE_AT,
  LEASE_MS,
  TENANTS,
  inParallel,
  postsPerFollowUp,
  instancesSuite,
  seedDueReminder,
} from '../helpers/reminder-instances';

/**
 * Two scheduler instances (their own adapter, sender and send gate, as two processes would have) on one embedded
 * Cosmos, with 1,000 due reminders to owners in five tenants. One instance dies part-way: what it had claimed is
 * taken over by the other after the lease, and the connector stub receives each reminder exactly once.
 */
jest.setTimeout(120_000);

describe('reminders from two scheduler instances', () => {
  const { suite, clock, instance } = instancesSuite();

  it("keeps a tenant under Teams' limit with two instances sending to it at once, each at the full rate", async () => {
    const { networkId } = await setUpNetwork(suite.bot, suite.connector, '19:tenant-lease@thread.v2');
    const count = 300;
    await inParallel(
      Array.from({ length: count }, (_, i) => i),
      20,
      (i) =>
        seedDueReminder(suite.bot, suite.connector.serviceUrl, {
          networkId,
          followUpId: `00000000-0000-4000-8000-${String(700_000 + i).padStart(12, '0')}`,
          userId: `29:leased-${i}`,
          aadObjectId: `aad-leased-${i}`,
          tenantId: 'tenant-leased',
        }),
    );
    suite.connector.reset();
    const throttledBefore = suite.connector.throttled;
    clock.now = new Date(DUE_AT);
    const leasesOf = (instanceId: string) =>
      createTenantSendLeases({
        leases: createTenantLeaseRepository(suite.bot.cosmos.containers.leases),
        instanceId,
        logger: suite.bot.logs.logger,
      });
    // Each instance's own gate would let 49/s through to the tenant: together twice Teams' 50.
    const [a, b] = [leasesOf('lease-a'), leasesOf('lease-b')];
    await Promise.all([
      instance('lease-a', { leases: a }).run(clock.now),
      instance('lease-b', { leases: b }).run(clock.now),
    ]);
    await Promise.all([a.releaseAll(), b.releaseAll()]);

    const posts = suite.connector.calls.filter(
      (c) => c.method === 'POST' && c.conversationId.startsWith('a:personal:29:leased-'),
    );
    expect(new Set(posts.map((c) => c.conversationId)).size).toBe(count);
    expect(posts).toHaveLength(count);
    expect(suite.connector.throttled - throttledBefore).toBe(0);
    const times = posts.map((c) => c.at).sort((x, y) => x - y);
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! >= 1000) j += 1;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(50);
  });

  it('delivers each of 1,000 due reminders exactly once, though one instance dies mid-run', async () => {
    const { networkId } = await setUpNetwork(suite.bot, suite.connector, '19:two-instances@thread.v2');
    const ids = Array.from({ length: COUNT }, (_, i) => i);
    await inParallel(ids, 20, (i) =>
      seedDueReminder(suite.bot, suite.connector.serviceUrl, {
        networkId,
        followUpId: `00000000-0000-4000-8000-${String(100_000 + i).padStart(12, '0')}`,
        userId: `29:owner-${i}`,
        aadObjectId: `aad-${i}`,
        tenantId: `tenant-${i % TENANTS}`,
      }),
    );

    clock.now = new Date(DUE_AT);
    let deliveredByA = 0;
    let killed = false;
    // A "dies" after 300 deliveries: from then on it never returns from a delivery and never sends (a process
    // killed between its claim and its send); its claims stay in Cosmos until the lease runs out.
    const a = instance('instance-a', {
      wrap: (inner) => ({
        async deliver(network, followUp, at, stillMine) {
          if (killed) return new Promise<never>(() => undefined);
          const outcome = await inner.deliver(network, followUp, at, stillMine);
          deliveredByA += 1;
          if (deliveredByA >= 300) killed = true;
          return outcome;
        },
      }),
    });
    const b = instance('instance-b');
    void a.run(clock.now);
    await b.run(clock.now);
    expect(killed).toBe(true);
    const leftClaimed = (await suite.bot.deps.followUps.dueReminders(new Date('2100-01-01'), COUNT))
      .map((found) => found.followUp)
      .filter((f) => f.reminders?.nextAt === DUE_AT);
    // B has done all it could; what A held is still claimed, so nothing has gone out twice.
    expect(leftClaimed.length).toBeGreaterThan(0);
    expect(leftClaimed.every((f) => f.reminders?.claim?.by === 'instance-a')).toBe(true);

    // After the lease, B's next tick takes A's claims over.
    clock.now = new Date(Date.parse(DUE_AT) + LEASE_MS + 1000);
    await b.run(clock.now);

    const perFollowUp = postsPerFollowUp(suite.connector.calls);
    expect(perFollowUp.size).toBe(COUNT);
    expect([...perFollowUp.values()].filter((n) => n !== 1)).toEqual([]);
    const stored = await suite.bot.deps.followUps.listOpen(networkId);
    expect(stored).toHaveLength(COUNT);
    expect(
      stored.filter((f) => f.reminders?.nextAt !== '2026-12-03T07:00:00.000Z' || f.reminders.claim),
    ).toEqual([]);
    expect(stored.filter((f) => f.reminders?.sent.length !== 1)).toEqual([]);
  });

  it('does not send a reminder whose claim ran out while it waited to send and another instance took over', async () => {
    clock.now = new Date('2026-11-23T09:00:00Z');
    const { networkId } = await setUpNetwork(suite.bot, suite.connector, '19:slow-instance@thread.v2');
    const followUpId = '00000000-0000-4000-8000-000000999999';
    await seedDueReminder(suite.bot, suite.connector.serviceUrl, {
      networkId,
      followUpId,
      userId: '29:slow',
      aadObjectId: 'aad-slow',
      tenantId: 'tenant-slow',
    });
    suite.connector.reset();
    // A's tenant is paused (as after a long Retry-After): it claims, then waits for a slot.
    const slowGate = new SendGate(TEAMS_SEND_RATES);
    slowGate.pause('tenant-slow', 1500);
    clock.now = new Date(DUE_AT);
    // A has claimed it when it asks to deliver it (the delivery then waits for the paused tenant's slot).
    let delivering = (): void => undefined;
    const asked = new Promise<void>((resolve) => (delivering = resolve));
    const a = instance('slow-a', {
      wrap: (inner) => ({
        deliver(...args) {
          delivering();
          return inner.deliver(...args);
        },
      }),
      gate: slowGate,
    }).run(clock.now);
    await asked;
    expect((await suite.bot.deps.followUps.get(networkId, followUpId))?.followUp.reminders?.claim?.by).toBe(
      'slow-a',
    );
    // Past A's lease B takes it over and sends it; when A's slot comes, the claim is no longer A's.
    clock.now = new Date(Date.parse(DUE_AT) + LEASE_MS + 1000);
    await instance('fast-b').run(clock.now);
    await a;
    const sent = suite.connector.calls.filter((c) => c.conversationId === 'a:personal:29:slow');
    expect(sent).toHaveLength(1);
    const stored = (await suite.bot.deps.followUps.get(networkId, followUpId))?.followUp.reminders;
    expect(stored?.sent).toHaveLength(1);
    expect(stored?.claim).toBeUndefined();
    expect(suite.bot.logs.entries.some((e) => e.msg === 'reminder claim lost; not sent')).toBe(true);
  });
});
