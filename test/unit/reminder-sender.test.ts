import type { FollowUp } from '../../src/domain/follow-up';
import { createReminderClaimer } from '../../src/scheduler/reminder-claimer';
import { createReminderSender } from '../../src/scheduler/reminder-sender';
import type { ReminderDelivery } from '../../src/scheduler/follow-up-reminders';
import {
  DUE_AT,
  EVENING,
  LEASE_MS,
  NOW,
  dueFollowUp,
  logger,
  recordingDelivery,
} from '../helpers/due-reminders';
import { activeNetwork, memoryFollowUps } from '../helpers/memory-reminder-stores';

// The reminder run's parts on in-memory stores: what they decide, in milliseconds. The same run on the embedded
// Cosmos and the connector stub is in test/integration/reminders*.test.ts.

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
