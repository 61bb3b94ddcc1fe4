import { createDueReminderSource } from '../../src/scheduler/due-reminder-source';
import { createReminderClaimer } from '../../src/scheduler/reminder-claimer';
import {
  DUE_AT,
  LEASE_MS,
  NOW,
  dueFollowUp,
  dueOver,
  networksOf,
  recordingDelivery,
} from '../helpers/due-reminders';
import { activeNetwork, memoryFollowUps, memoryNetworks } from '../helpers/memory-reminder-stores';

// The reminder run's parts on in-memory stores: what they decide, in milliseconds. The same run on the embedded
// Cosmos and the connector stub is in test/integration/reminders*.test.ts.

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
