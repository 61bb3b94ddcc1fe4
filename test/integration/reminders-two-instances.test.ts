import { eventually } from '../helpers/eventually';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { createChatHistory } from '../../src/bot/chat-history';
import type { FollowUp } from '../../src/domain/follow-up';
import { createProactiveSender } from '../../src/bot/proactive-sender';
import { SendGate, TEAMS_SEND_RATES } from '../../src/bot/send-gate';
import { createTenantSendLeases, type TenantSendLeases } from '../../src/bot/tenant-send-leases';
import { createTenantLeaseRepository } from '../../src/storage/tenant-lease-repository';
import { createTeamsReminderDelivery } from '../../src/features/follow-ups/teams-reminder-delivery';
import { createReminderTask, type ReminderDelivery } from '../../src/scheduler/follow-up-reminders';
import { withBotAndConnector, type TestBot } from '../helpers/bot-with-connector';
import type { ConnectorCall } from '../helpers/connector-stub';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard } from '../helpers/teams-activity';

const COUNT = 1000;
const TENANTS = 5;
const LEASE_MS = 5 * 60_000;
const DUE_AT = '2026-11-30T07:00:00.000Z'; // Monday 08:00 in Stockholm

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** An open follow-up whose reminder is due at DUE_AT (by default owned by an organisation: it goes to the chat). */
function dueFollowUp(
  networkId: string,
  followUpId: string,
  owner: FollowUp['owner'] = { kind: 'organisation', name: 'Kungälv' },
): FollowUp {
  const created = new Date(Date.parse(DUE_AT) - 7 * 86_400_000).toISOString();
  return {
    networkId,
    followUpId,
    meetingId: '00000000-0000-4000-8000-000000000001',
    owner,
    text: `uppgift ${followUpId}`,
    due: '2026-12-03',
    status: 'open',
    changes: [],
    revision: 0,
    reminders: { nextAt: DUE_AT, sent: [] },
    createdBy: 'test',
    createdAt: created,
    updatedAt: created,
  };
}

/** How many reminder cards each follow-up got among `calls` (a card's Done button carries its id). */
function postsPerFollowUp(calls: ConnectorCall[]): Map<string, number> {
  const perFollowUp = new Map<string, number>();
  for (const call of calls) {
    const card = attachmentCard(call.body) as { actions?: { data?: { followUpId?: string } }[] } | undefined;
    const id = card?.actions?.[0]?.data?.followUpId;
    if (id) perFollowUp.set(id, (perFollowUp.get(id) ?? 0) + 1);
  }
  return perFollowUp;
}

/** A follow-up due at DUE_AT, owned by a member whose 1:1 chat (in `tenantId`) the bot knows. */
async function seedDueReminder(
  bot: TestBot,
  serviceUrl: string,
  seed: { networkId: string; followUpId: string; userId: string; aadObjectId: string; tenantId: string },
): Promise<void> {
  await bot.deps.conversations.savePersonal(seed.aadObjectId, {
    conversationId: `a:personal:${seed.userId}`,
    conversationType: 'personal',
    tenantId: seed.tenantId,
    serviceUrl,
    channelId: 'msteams',
    botId: '28:anteckna',
  });
  await bot.deps.followUps.create(
    dueFollowUp(seed.networkId, seed.followUpId, {
      kind: 'member',
      name: `Ägare ${seed.userId}`,
      userId: seed.userId,
      aadObjectId: seed.aadObjectId,
    }),
  );
}

/**
 * Two scheduler instances (their own adapter, sender and send gate, as two processes would have) on one embedded
 * Cosmos, with 1,000 due reminders to owners in five tenants. One instance dies part-way: what it had claimed is
 * taken over by the other after the lease, and the connector stub receives each reminder exactly once.
 */
jest.setTimeout(120_000);

describe('reminders from two scheduler instances', () => {
  let now = new Date('2026-11-23T09:00:00Z');
  const suite = withBotAndConnector({}, () => now);

  const instance = (
    name: string,
    {
      wrap = (d) => d,
      gate = new SendGate(TEAMS_SEND_RATES),
      followUps = suite.bot.deps.followUps,
      networks = suite.bot.deps.networks,
      leases,
    }: {
      wrap?: (inner: ReminderDelivery) => ReminderDelivery;
      gate?: SendGate;
      followUps?: typeof suite.bot.deps.followUps;
      networks?: typeof suite.bot.deps.networks;
      leases?: TenantSendLeases;
    } = {},
  ) =>
    createReminderTask({
      followUps,
      networks,
      delivery: wrap(
        createTeamsReminderDelivery({
          bot: suite.bot.deps,
          sender: createProactiveSender({
            adapter: new TeamsAdapter({}),
            botAppId: '',
            gate,
            ...(leases ? { leases } : {}),
            logger: suite.bot.logs.logger,
            timeoutMs: 5000,
          }),
          history: createChatHistory({
            baseUrl: suite.connector.serviceUrl,
            token: () => Promise.resolve(undefined),
            timeoutMs: 5000,
            logger: suite.bot.logs.logger,
          }),
          ...(leases ? { leases } : {}),
          logger: suite.bot.logs.logger,
        }),
      ),
      clock: () => now,
      instanceId: name,
      leaseMs: LEASE_MS,
      batchSize: 100,
      concurrency: 16,
      logger: suite.bot.logs.logger,
    });

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
    now = new Date(DUE_AT);
    const leasesOf = (instanceId: string) =>
      createTenantSendLeases({
        leases: createTenantLeaseRepository(suite.bot.cosmos.containers.leases),
        instanceId,
        logger: suite.bot.logs.logger,
      });
    // Each instance's own gate would let 49/s through to the tenant: together twice Teams' 50.
    const [a, b] = [leasesOf('lease-a'), leasesOf('lease-b')];
    await Promise.all([
      instance('lease-a', { leases: a }).run(now),
      instance('lease-b', { leases: b }).run(now),
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

    now = new Date(DUE_AT);
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
    void a.run(now);
    await b.run(now);
    expect(killed).toBe(true);
    const leftClaimed = (await suite.bot.deps.followUps.dueReminders(new Date('2100-01-01'), COUNT))
      .map((found) => found.followUp)
      .filter((f) => f.reminders?.nextAt === DUE_AT);
    // B has done all it could; what A held is still claimed, so nothing has gone out twice.
    expect(leftClaimed.length).toBeGreaterThan(0);
    expect(leftClaimed.every((f) => f.reminders?.claim?.by === 'instance-a')).toBe(true);

    // After the lease, B's next tick takes A's claims over.
    now = new Date(Date.parse(DUE_AT) + LEASE_MS + 1000);
    await b.run(now);

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
    now = new Date('2026-11-23T09:00:00Z');
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
    now = new Date(DUE_AT);
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
    }).run(now);
    await asked;
    expect((await suite.bot.deps.followUps.get(networkId, followUpId))?.followUp.reminders?.claim?.by).toBe(
      'slow-a',
    );
    // Past A's lease B takes it over and sends it; when A's slot comes, the claim is no longer A's.
    now = new Date(Date.parse(DUE_AT) + LEASE_MS + 1000);
    await instance('fast-b').run(now);
    await a;
    const sent = suite.connector.calls.filter((c) => c.conversationId === 'a:personal:29:slow');
    expect(sent).toHaveLength(1);
    const stored = (await suite.bot.deps.followUps.get(networkId, followUpId))?.followUp.reminders;
    expect(stored?.sent).toHaveLength(1);
    expect(stored?.claim).toBeUndefined();
    expect(suite.bot.logs.entries.some((e) => e.msg === 'reminder claim lost; not sent')).toBe(true);
  });

  it('reports a query that fails mid-run only once the reminders it had claimed are sent and recorded', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const { networkId } = await setUpNetwork(suite.bot, suite.connector, '19:failing-query@thread.v2');
    await inParallel(
      Array.from({ length: 250 }, (_, i) => i),
      20,
      (i) =>
        seedDueReminder(suite.bot, suite.connector.serviceUrl, {
          networkId,
          followUpId: `00000000-0000-4000-8000-${String(300_000 + i).padStart(12, '0')}`,
          userId: `29:failing-${i}`,
          aadObjectId: `aad-failing-${i}`,
          tenantId: `tenant-${i % TENANTS}`,
        }),
    );
    suite.connector.reset();
    // The first query (a batch of 100) answers; the next, asked for while that batch is being sent, fails.
    let queries = 0;
    const followUps = {
      ...suite.bot.deps.followUps,
      dueReminders: (at: Date, limit: number) =>
        ++queries === 1
          ? suite.bot.deps.followUps.dueReminders(at, limit)
          : Promise.reject(new Error('Cosmos is unavailable')),
    };
    now = new Date(DUE_AT);
    await expect(instance('failing-query', { followUps }).run(now)).rejects.toThrow('Cosmos is unavailable');
    expect(queries).toBe(2);
    // Right when the run reports the failure: the whole first batch has gone out and is recorded, none is left
    // claimed, and the rest waits untouched for the next tick.
    const stored = await suite.bot.deps.followUps.listOpen(networkId);
    const sent = stored.filter((f) => f.reminders?.sent.length === 1);
    expect(sent).toHaveLength(100);
    expect(stored.filter((f) => f.reminders?.claim)).toEqual([]);
    expect(suite.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(100);
  });

  it('does not send again what an instance that died had posted before it recorded it, and sends what it had not', async () => {
    // What earlier tests left due (claims of instances they stopped) is sent first, so A and B see only this test's.
    now = new Date(Date.parse(DUE_AT) + 2 * LEASE_MS);
    await instance('tidy').run(now);
    now = new Date('2026-11-23T09:00:00Z');
    const chatId = '19:died-after-send@thread.v2';
    const { networkId } = await setUpNetwork(suite.bot, suite.connector, chatId);
    const ids = Array.from(
      { length: 30 },
      (_, i) => `00000000-0000-4000-8000-${String(400_000 + i).padStart(12, '0')}`,
    );
    // Owned by an organisation: each reminder goes to the network's group chat.
    for (const followUpId of ids) await suite.bot.deps.followUps.create(dueFollowUp(networkId, followUpId));
    suite.connector.reset();
    const readsBefore = suite.connector.graphReads;

    now = new Date(DUE_AT);
    // Graph shows when a message was posted by the instances' clock.
    suite.connector.clockOffsetMs = now.getTime() - Date.now();
    // A sends 10 and records them; the 11th reaches Teams but A dies before it records it (killed between Teams'
    // answer and the write); after that A sends nothing more (its other claims are left to expire).
    let delivered = 0;
    let dead = false;
    const sentByA: FollowUp[] = [];
    const a = instance('died-after-send', {
      wrap: (inner) => ({
        async deliver(network, followUp, at, stillMine, takenOver) {
          if (dead) return new Promise<never>(() => undefined);
          delivered += 1;
          const last = delivered > 10;
          if (last) dead = true;
          const outcome = await inner.deliver(network, followUp, at, stillMine, takenOver);
          if (!last) sentByA.push(followUp);
          return last ? new Promise<never>(() => undefined) : outcome;
        },
      }),
    });
    void a.run(now);
    await suite.connector.waitForCalls(11);
    // What A sent before it died is recorded (those of its ten still being written when the 11th went).
    await eventually('the ten A sent to be recorded', async () => {
      const stored = await Promise.all(
        sentByA.map((f) => suite.bot.deps.followUps.get(f.networkId, f.followUpId)),
      );
      return stored.length === 10 && stored.every((f) => f?.followUp.reminders?.lastKey);
    });
    const unrecorded = suite.connector.calls.length - 10;
    expect(unrecorded).toBeGreaterThanOrEqual(1);

    // After A's lease, B takes over what A held: it finds A's unrecorded ones in the chat and sends the rest.
    now = new Date(Date.parse(DUE_AT) + LEASE_MS + 1000);
    await instance('takes-over').run(now);

    const perFollowUp = postsPerFollowUp(suite.connector.calls.filter((c) => c.conversationId === chatId));
    expect([...perFollowUp.keys()].sort()).toEqual(ids);
    expect([...perFollowUp.values()].filter((n) => n !== 1)).toEqual([]);
    expect(suite.connector.graphReads).toBeGreaterThan(readsBefore);
    expect(
      suite.bot.logs.entries.filter(
        (e) => e.msg === 'reminder already posted by an instance that stopped; not sent again',
      ),
    ).toHaveLength(unrecorded);
    const stored = await suite.bot.deps.followUps.listOpen(networkId);
    expect(stored.filter((f) => f.reminders?.sent.length !== 1 || f.reminders.claim)).toEqual([]);
    suite.connector.clockOffsetMs = 0;
  });

  it('reads the networks a batch brings, and their rosters, chats and meetings, in one query each', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const networkIds: string[] = [];
    for (let n = 0; n < 3; n++) {
      const { networkId } = await setUpNetwork(suite.bot, suite.connector, `19:batch-read-${n}@thread.v2`);
      networkIds.push(networkId);
      for (let i = 0; i < 4; i++)
        await suite.bot.deps.followUps.create(
          dueFollowUp(networkId, `00000000-0000-4000-8000-${String(500_000 + n * 10 + i).padStart(12, '0')}`),
        );
    }
    suite.connector.reset();
    const reads = { one: 0, many: [] as string[][] };
    const real = suite.bot.deps.networks;
    const counted = {
      ...real,
      get: (networkId: string) => {
        reads.one += 1;
        return real.get(networkId);
      },
      getMany: (ids: string[]) => {
        reads.many.push(ids);
        return real.getMany(ids);
      },
    };
    const { roster, conversations, meetings } = suite.bot.deps;
    const spies = [
      jest.spyOn(roster, 'list'),
      jest.spyOn(roster, 'listMany'),
      jest.spyOn(conversations, 'get'),
      jest.spyOn(conversations, 'getMany'),
      jest.spyOn(meetings, 'get'),
      jest.spyOn(meetings, 'getMany'),
    ];
    now = new Date(DUE_AT);
    await instance('batch-read', { networks: counted }).run(now);
    expect(reads.one).toBe(0);
    expect(reads.many).toHaveLength(1);
    expect(reads.many[0]).toEqual(expect.arrayContaining(networkIds));
    // What the deliveries need of those networks was read ahead too: a query each for rosters, chats, meetings.
    expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 1, 0, 1, 0, 1]);
    for (const spy of spies) spy.mockRestore();
    // All 12 went to their own network's chat.
    for (const [n] of networkIds.entries())
      expect(
        suite.connector.calls.filter((c) => c.conversationId === `19:batch-read-${n}@thread.v2`),
      ).toHaveLength(4);
  });
});
