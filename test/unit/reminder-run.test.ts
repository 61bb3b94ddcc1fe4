import pino from 'pino';
import type { FollowUp } from '../../src/domain/follow-up';
import type { Network } from '../../src/domain/network';
import { createDueReminderSource } from '../../src/scheduler/due-reminder-source';
import { createReminderClaimer } from '../../src/scheduler/reminder-claimer';
import { createReminderSender } from '../../src/scheduler/reminder-sender';
import {
  createReminderTask,
  type ReminderDelivery,
  type ReminderOutcome,
} from '../../src/scheduler/follow-up-reminders';
import { activeNetwork, memoryFollowUps, memoryNetworks } from '../helpers/memory-reminder-stores';

// The reminder run's parts on in-memory stores: what they decide, in milliseconds. The same run on the embedded
// Cosmos and the connector stub is in test/integration/reminders*.test.ts.

const DUE_AT = '2026-11-30T07:00:00.000Z'; // Monday 08:00 in Stockholm
const NOW = new Date('2026-11-30T08:00:00.000Z'); // 09:00: sending time
const EVENING = new Date('2026-11-30T19:00:00.000Z'); // 20:00: not
const LEASE_MS = 5 * 60_000;
const logger = pino({ level: 'silent' });

function dueFollowUp(networkId: string, followUpId: string, reminders?: FollowUp['reminders']): FollowUp {
  return {
    networkId,
    followUpId,
    meetingId: 'm1',
    owner: { kind: 'organisation', name: 'Kungälv' },
    text: `uppgift ${followUpId}`,
    due: '2026-12-03',
    status: 'open',
    changes: [],
    reminders: reminders ?? { nextAt: DUE_AT, sent: [] },
    createdBy: 'test',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

/** `count` due follow-ups spread over `networks` networks (n0, n1, …), ids f0, f1, … */
const dueOver = (count: number, networks: number): FollowUp[] =>
  Array.from({ length: count }, (_, i) => dueFollowUp(`n${i % networks}`, `f${i}`));

const networksOf = (count: number): Network[] =>
  Array.from({ length: count }, (_, i) => activeNetwork(`n${i}`));

/** A delivery that records what it was given and answers `outcome` (by default the chat). */
function recordingDelivery(
  outcome: (followUp: FollowUp) => ReminderOutcome | Promise<ReminderOutcome> = () => 'chat',
) {
  const delivered: string[] = [];
  const prepared: { networks: string[]; followUps: string[] }[] = [];
  const delivery: ReminderDelivery = {
    async deliver(_network, followUp) {
      delivered.push(followUp.followUpId);
      return outcome(followUp);
    },
    prepare(networks, followUps) {
      prepared.push({
        networks: networks.map((n) => n.networkId),
        followUps: followUps.map((f) => f.followUpId),
      });
    },
  };
  return { delivery, delivered, prepared };
}

describe('the batch source of the reminder run', () => {
  it('groups a batch by network, at most ten to a group, and reads its networks in one query', async () => {
    const followUps = memoryFollowUps([
      ...dueOver(4, 2),
      ...Array.from({ length: 12 }, (_, i) => dueFollowUp('n9', `g${i}`)),
    ]);
    const networks = memoryNetworks([...networksOf(2), activeNetwork('n9')]);
    const { delivery, prepared } = recordingDelivery();
    const run = createDueReminderSource({
      followUps: followUps.repository,
      networks: networks.repository,
      delivery,
      batchSize: 100,
    })(NOW);

    const batch = await run.next();
    expect(batch.groups.map((g) => g.map((f) => f.followUp.followUpId))).toEqual([
      ['f0', 'f2'],
      ['f1', 'f3'],
      ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9'],
      ['g10', 'g11'],
    ]);
    expect(batch.exhausted).toBe(true);
    expect((await run.networkOf('n9'))?.networkId).toBe('n9');
    expect(networks.calls).toEqual({ gets: 0, getMany: 1 });
    expect(prepared).toEqual([
      { networks: ['n0', 'n1', 'n9'], followUps: expect.arrayContaining(['f0', 'g11']) },
    ]);
    expect(prepared[0]!.followUps).toHaveLength(16);
  });

  it('skips what the run took before, and is exhausted only when nothing of its own is still being claimed', async () => {
    const followUps = memoryFollowUps(dueOver(3, 1));
    const networks = memoryNetworks(networksOf(1));
    const run = createDueReminderSource({
      followUps: followUps.repository,
      networks: networks.repository,
      delivery: {},
      batchSize: 3,
    })(NOW);

    const first = await run.next();
    expect(first.groups.flat()).toHaveLength(3);
    expect(first.exhausted).toBe(false); // a full batch: there may be more

    const again = await run.next();
    expect(again).toEqual({ groups: [], exhausted: false }); // the same three, still ours in flight

    run.settled(first.groups[0]!);
    expect(await run.next()).toEqual({ groups: [], exhausted: true }); // the same three, settled: held elsewhere
  });
});

describe('the claimer', () => {
  const claimerOn = (followUps: ReturnType<typeof memoryFollowUps>, instanceId = 'a', at = NOW) =>
    createReminderClaimer({
      followUps: followUps.repository,
      clock: () => at,
      instanceId,
      leaseMs: LEASE_MS,
    });

  it("claims a network's group in one batch request, leaving out one another instance holds", async () => {
    const held = dueFollowUp('n0', 'f9', {
      nextAt: DUE_AT,
      sent: [],
      claim: { by: 'b', until: '2026-11-30T08:03:00.000Z', key: `f9@${DUE_AT}` },
    });
    const followUps = memoryFollowUps([...dueOver(3, 1), held]);
    const group = (
      await Promise.all(['f0', 'f1', 'f2', 'f9'].map((id) => followUps.repository.get('n0', id)))
    ).map((found) => found!);

    const won = await claimerOn(followUps)(group, NOW);

    expect(won.map((c) => c.key)).toEqual([`f0@${DUE_AT}`, `f1@${DUE_AT}`, `f2@${DUE_AT}`]);
    expect(won.every((c) => c.takenOver === undefined && c.claimedAt === NOW.getTime())).toBe(true);
    expect(followUps.calls.batches).toBe(1);
    const claims = followUps.all().map((f) => f.reminders?.claim?.by);
    expect(claims).toEqual(['a', 'a', 'a', 'b']);
    expect(followUps.all()[0]!.reminders?.claim?.until).toBe('2026-11-30T08:05:00.000Z');
  });

  it('claims one by one what a batch stopped at another instance’s write did not get to', async () => {
    const followUps = memoryFollowUps(dueOver(3, 1));
    const group = (await Promise.all(['f0', 'f1', 'f2'].map((id) => followUps.repository.get('n0', id)))).map(
      (found) => found!,
    );
    // Instance b claims f1 after a read this one's query saw.
    await claimerOn(followUps, 'b')([group[1]!], NOW);

    const won = await claimerOn(followUps)(group, NOW);

    expect(won.map((c) => c.version.value.followUpId)).toEqual(['f0', 'f2']);
    expect(followUps.all().map((f) => f.reminders?.claim?.by)).toEqual(['a', 'b', 'a']);
  });

  it('takes over a claim whose lease ran out, saying since when the other instance held it', async () => {
    const expired = dueFollowUp('n0', 'f0', {
      nextAt: DUE_AT,
      sent: [],
      claim: { by: 'b', until: '2026-11-30T07:59:00.000Z', key: `f0@${DUE_AT}` },
    });
    const followUps = memoryFollowUps([expired]);
    const found = (await followUps.repository.get('n0', 'f0'))!;

    const [won] = await claimerOn(followUps)([found], NOW);

    expect(won?.takenOver).toEqual({ since: new Date('2026-11-30T07:54:00.000Z') });
    expect(followUps.all()[0]!.reminders?.claim?.by).toBe('a');
  });
});

describe('the sender', () => {
  const network = activeNetwork('n0');

  async function claimedOne(followUp: FollowUp, at = NOW) {
    const followUps = memoryFollowUps([followUp]);
    const found = (await followUps.repository.get(followUp.networkId, followUp.followUpId))!;
    const claimer = createReminderClaimer({
      followUps: followUps.repository,
      clock: () => at,
      instanceId: 'a',
      leaseMs: LEASE_MS,
    });
    const [claimed] = await claimer([found], at);
    return { followUps, claimed: claimed! };
  }

  const senderOn = (
    followUps: ReturnType<typeof memoryFollowUps>,
    delivery: ReminderDelivery,
    clock: () => Date = () => NOW,
  ) =>
    createReminderSender({
      followUps: followUps.repository,
      delivery,
      clock,
      instanceId: 'a',
      leaseMs: LEASE_MS,
      logger,
    });

  it('records the reminder sent and schedules the next one, the claim released', async () => {
    const { followUps, claimed } = await claimedOne(dueFollowUp('n0', 'f0'));
    const { delivery, delivered } = recordingDelivery();

    await senderOn(followUps, delivery).send(claimed, network, NOW);

    expect(delivered).toEqual(['f0']);
    const reminders = followUps.all()[0]!.reminders!;
    expect(reminders.claim).toBeUndefined();
    expect(reminders.lastKey).toBe(`f0@${DUE_AT}`);
    expect(reminders.sent).toEqual([{ key: `f0@${DUE_AT}`, at: NOW.toISOString(), via: 'chat' }]);
    expect(reminders.nextAt! > NOW.toISOString()).toBe(true);
  });

  it('tries a failed reminder again after 5 minutes, and gives it up at the fifth failure', async () => {
    const { followUps, claimed } = await claimedOne(dueFollowUp('n0', 'f0'));
    const failing = recordingDelivery(() => 'failed').delivery;

    await senderOn(followUps, failing).send(claimed, network, NOW);
    expect(followUps.all()[0]!.reminders).toMatchObject({ nextAt: '2026-11-30T08:05:00.000Z', failures: 1 });
    expect(followUps.all()[0]!.reminders?.lastKey).toBeUndefined();

    const fourFailed = dueFollowUp('n0', 'f1', { nextAt: DUE_AT, sent: [], failures: 4 });
    const last = await claimedOne(fourFailed);
    await senderOn(last.followUps, failing).send(last.claimed, network, NOW);
    const givenUp = last.followUps.all()[0]!.reminders!;
    expect(givenUp.lastKey).toBe(`f1@${DUE_AT}`);
    expect(givenUp.sent).toEqual([{ key: `f1@${DUE_AT}`, at: NOW.toISOString(), via: 'none' }]);
  });

  it('writes nothing when the claim was lost before its turn to send (abandoned)', async () => {
    const { followUps, claimed } = await claimedOne(dueFollowUp('n0', 'f0'));
    const before = structuredClone(followUps.all());

    await senderOn(followUps, recordingDelivery(() => 'abandoned').delivery).send(claimed, network, NOW);

    expect(followUps.all()).toEqual(before);
  });

  it('does not deliver again what an instance before it recorded, only finishes the bookkeeping', async () => {
    const recorded = dueFollowUp('n0', 'f0', { nextAt: DUE_AT, sent: [], lastKey: `f0@${DUE_AT}` });
    const { followUps, claimed } = await claimedOne(recorded);
    const { delivery, delivered } = recordingDelivery();

    await senderOn(followUps, delivery).send(claimed, network, NOW);

    expect(delivered).toEqual([]);
    expect(followUps.all()[0]!.reminders?.claim).toBeUndefined();
    expect((followUps.all()[0]!.reminders?.nextAt ?? '') > NOW.toISOString()).toBe(true);
  });

  it('asks the store whether the claim is still its own only after half the lease', async () => {
    const { followUps, claimed } = await claimedOne(dueFollowUp('n0', 'f0'));
    let now = NOW;
    const answers: boolean[] = [];
    const asking: ReminderDelivery = {
      async deliver(_network, _followUp, _now, stillMine) {
        answers.push(await stillMine());
        now = new Date(NOW.getTime() + LEASE_MS / 2 + 1_000);
        const gets = followUps.calls.gets;
        answers.push(await stillMine());
        answers.push(followUps.calls.gets > gets);
        now = new Date(NOW.getTime() + LEASE_MS + 1_000);
        answers.push(await stillMine());
        return 'abandoned';
      },
    };

    await senderOn(followUps, asking, () => now).send(claimed, network, NOW);

    expect(answers).toEqual([true, true, true, false]);
  });

  it('moves a reminder due outside sending hours to the next opening, unsent', async () => {
    const followUps = memoryFollowUps([dueFollowUp('n0', 'f0')]);
    const found = (await followUps.repository.get('n0', 'f0'))!;

    await senderOn(followUps, recordingDelivery().delivery).defer(found, network, EVENING);

    expect(followUps.all()[0]!.reminders).toEqual({ nextAt: '2026-12-01T07:00:00.000Z', sent: [] });
  });
});

describe('the reminder run', () => {
  function taskOn(
    followUps: ReturnType<typeof memoryFollowUps>,
    networks: ReturnType<typeof memoryNetworks>,
    delivery: ReminderDelivery,
    options: { instanceId?: string; batchSize?: number } = {},
  ) {
    return createReminderTask({
      followUps: followUps.repository,
      networks: networks.repository,
      delivery,
      clock: () => NOW,
      instanceId: options.instanceId ?? 'a',
      leaseMs: LEASE_MS,
      batchSize: options.batchSize ?? 10,
      concurrency: 4,
      logger,
    });
  }

  it('sends every due reminder once over several batches, and records each', async () => {
    const followUps = memoryFollowUps(dueOver(45, 7));
    const networks = memoryNetworks(networksOf(7));
    const { delivery, delivered } = recordingDelivery();

    await taskOn(followUps, networks, delivery).run(NOW);

    expect([...delivered].sort()).toEqual(
      dueOver(45, 7)
        .map((f) => f.followUpId)
        .sort(),
    );
    expect(followUps.all().filter((f) => f.reminders?.lastKey !== `${f.followUpId}@${DUE_AT}`)).toEqual([]);
    expect(followUps.all().filter((f) => f.reminders?.claim)).toEqual([]);
    expect(followUps.calls.dueQueries).toBeGreaterThanOrEqual(5);
  });

  it('asks for the next batch while half of the current one is still to be sent', async () => {
    const followUps = memoryFollowUps(dueOver(8, 8));
    const networks = memoryNetworks(networksOf(8));
    const seen: { queries: number; fourthDone: boolean }[] = [];
    let fourthDone = false;
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { delivery } = recordingDelivery(async (): Promise<ReminderOutcome> => {
      seen.push({ queries: followUps.calls.dueQueries, fourthDone });
      // The fourth send of the first batch waits until the test lets it go.
      if (seen.length === 4) {
        await gate;
        fourthDone = true;
      }
      return 'chat';
    });

    const running = taskOn(followUps, networks, delivery, { batchSize: 4 }).run(NOW);
    while (seen.length < 8) await new Promise((resolve) => setImmediate(resolve));
    release();
    await running;

    expect(seen.slice(0, 4).map((s) => s.queries)).toEqual([1, 1, 1, 1]);
    // The second batch was asked for and sent while the fourth of the first was still on its way.
    expect(seen.slice(4)).toEqual(Array.from({ length: 4 }, () => ({ queries: 2, fourthDone: false })));
  });

  it('sends each reminder once when two instances run at the same time on one store', async () => {
    const followUps = memoryFollowUps(dueOver(60, 5));
    const networks = memoryNetworks(networksOf(5));
    const { delivery, delivered } = recordingDelivery();

    await Promise.all([
      taskOn(followUps, networks, delivery, { instanceId: 'a' }).run(NOW),
      taskOn(followUps, networks, delivery, { instanceId: 'b' }).run(NOW),
    ]);

    expect(delivered).toHaveLength(60);
    expect(new Set(delivered).size).toBe(60);
  });

  it('defers what falls due outside sending hours and leaves networks not set up alone', async () => {
    const evening = dueFollowUp('n0', 'f0', { nextAt: '2026-11-30T18:00:00.000Z', sent: [] });
    const pending = { ...activeNetwork('n1'), status: 'pending' as const };
    const followUps = memoryFollowUps([
      evening,
      dueFollowUp('n1', 'f1', { nextAt: '2026-11-30T18:00:00.000Z', sent: [] }),
    ]);
    const networks = memoryNetworks([activeNetwork('n0'), pending]);
    const { delivery, delivered } = recordingDelivery();

    await taskOn(followUps, networks, delivery).run(EVENING);

    expect(delivered).toEqual([]);
    expect(followUps.all().map((f) => f.reminders?.nextAt)).toEqual([
      '2026-12-01T07:00:00.000Z',
      '2026-11-30T18:00:00.000Z',
    ]);
  });

  it('reports a query that fails mid-run only after what it had claimed is sent and recorded', async () => {
    const followUps = memoryFollowUps(dueOver(20, 4));
    const networks = memoryNetworks(networksOf(4));
    followUps.hooks.beforeDueQuery = (call) => {
      if (call === 2) throw new Error('Cosmos is gone');
    };
    const { delivery, delivered } = recordingDelivery();

    await expect(taskOn(followUps, networks, delivery).run(NOW)).rejects.toThrow('Cosmos is gone');

    expect(delivered).toHaveLength(10);
    const recorded = followUps.all().filter((f) => f.reminders?.lastKey);
    expect(recorded.map((f) => f.followUpId).sort()).toEqual([...delivered].sort());
    expect(followUps.all().filter((f) => f.reminders?.claim)).toEqual([]);
  });

  it('stops a group at a send that fails to record, and still finishes the others before it rejects', async () => {
    const followUps = memoryFollowUps(dueOver(6, 2));
    const networks = memoryNetworks(networksOf(2));
    const { delivery, delivered } = recordingDelivery();
    const original = followUps.repository.versioned.bind(followUps.repository);
    followUps.repository.versioned = (networkId, followUpId) => {
      const store = original(networkId, followUpId);
      return followUpId === 'f0'
        ? { get: () => store.get(), replace: () => Promise.reject(new Error('Cosmos refused the write')) }
        : store;
    };

    await expect(taskOn(followUps, networks, delivery).run(NOW)).rejects.toThrow('Cosmos refused the write');

    // n0's group is f0, f2, f4: stopped at f0. n1's group f1, f3, f5 went on.
    expect([...delivered].sort()).toEqual(['f0', 'f1', 'f3', 'f5']);
  });
});
