import type { FollowUp } from '../../src/domain/follow-up';
import { eventually } from '../helpers/eventually';
import { setUpNetwork } from '../helpers/network-setup';
import {
  DUE_AT,
  LEASE_MS,
  TENANTS,
  dueFollowUp,
  inParallel,
  postsPerFollowUp,
  instancesSuite,
  seedDueReminder,
} from '../helpers/reminder-instances';

/**
 * What a scheduler instance leaves when it fails or dies part-way, and what the next one makes of it: a failing
 * query, a chat post made but not recorded; and what one run reads.
 */
jest.setTimeout(120_000);

describe('reminders after an instance failed', () => {
  const { suite, clock, instance } = instancesSuite();

  it('reports a query that fails mid-run only once the reminders it had claimed are sent and recorded', async () => {
    clock.now = new Date('2026-11-23T09:00:00Z');
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
    clock.now = new Date(DUE_AT);
    await expect(instance('failing-query', { followUps }).run(clock.now)).rejects.toThrow(
      'Cosmos is unavailable',
    );
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
    clock.now = new Date(Date.parse(DUE_AT) + 2 * LEASE_MS);
    await instance('tidy').run(clock.now);
    clock.now = new Date('2026-11-23T09:00:00Z');
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

    clock.now = new Date(DUE_AT);
    // Graph shows when a message was posted by the instances' clock.
    suite.connector.clockOffsetMs = clock.now.getTime() - Date.now();
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
    void a.run(clock.now);
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
    clock.now = new Date(Date.parse(DUE_AT) + LEASE_MS + 1000);
    await instance('takes-over').run(clock.now);

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
    clock.now = new Date('2026-11-23T09:00:00Z');
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
    clock.now = new Date(DUE_AT);
    await instance('batch-read', { networks: counted }).run(clock.now);
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
