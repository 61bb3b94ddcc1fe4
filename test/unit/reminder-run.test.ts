import {
  createReminderTask,
  type ReminderDelivery,
  type ReminderOutcome,
} from '../../src/scheduler/follow-up-reminders';
import {
  DUE_AT,
  EVENING,
  LEASE_MS,
  NOW,
  dueFollowUp,
  dueOver,
  logger,
  networksOf,
  recordingDelivery,
} from '../helpers/due-reminders';
import { activeNetwork, memoryFollowUps, memoryNetworks } from '../helpers/memory-reminder-stores';

// The reminder run's parts on in-memory stores: what they decide, in milliseconds. The same run on the embedded
// Cosmos and the connector stub is in test/integration/reminders*.test.ts.

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
