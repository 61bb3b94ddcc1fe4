import { Semaphore } from 'async-mutex';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import { reminderPolicyOf } from '../domain/reminders/reminder-policy';
import { isSendingTime } from '../domain/reminders/reminder-schedule';
import type { FollowUpRepository, VersionedFollowUp } from '../storage/follow-up-repository';
import type { NetworkRepository } from '../storage/network-repository';
import { createDueReminderSource } from './due-reminder-source';
import { createReminderClaimer } from './reminder-claimer';
import { createReminderSender } from './reminder-sender';
import type { ScheduledTask } from './scheduler';
import type { ReminderDelivery } from './reminder-delivery';
export type { Claimed, ReminderDelivery, ReminderOutcome, TakenOver } from './reminder-delivery';

/**
 * Sends each due follow-up reminder exactly once across instances. Per reminder: claim the follow-up with its ETag
 * (key `<followUpId>@<due instant>`, lease `leaseMs`), deliver, then record the key and the next reminder in one
 * write (a network's reminders found together are claimed in one batch request, each op with its own ETag). An
 * instance dying after its claim leaves the claim to expire; another takes it over, and the recorded key
 * stops a second send of what was already recorded; what was sent and not recorded, the delivery looks for
 * (`takenOver`). Outside sending hours a due reminder is moved to the next opening without being sent.
 *
 * The run joins three parts: the batch source (`due-reminder-source.ts`), the claimer and the sender.
 */
export function createReminderTask(deps: {
  followUps: FollowUpRepository;
  networks: NetworkRepository;
  delivery: ReminderDelivery;
  clock: Clock;
  instanceId: string;
  leaseMs: number;
  /** Reminders read per query (the next query goes when less than half of them are left to send). */
  batchSize: number;
  /** Networks' groups of reminders claimed at once (each group is then sent in turn, all groups together). */
  concurrency: number;
  logger: Logger;
}): ScheduledTask {
  const openRun = createDueReminderSource(deps);
  const claimAll = createReminderClaimer(deps);
  const { defer, send } = createReminderSender(deps);
  const lowWater = Math.floor(deps.batchSize / 2);

  return {
    name: 'follow-up-reminders',
    async run(now) {
      const source = openRun(now);
      // Every reminder taken and not yet through (claimed and sent, or dropped) holds one unit. The next batch is
      // asked for when at most `lowWater` are left, so sending never waits for a query and a query never competes
      // with the claims of the batch before.
      const unsent = new Semaphore(deps.batchSize + lowWater);
      const through = (count: number): void => {
        if (count > 0) unsent.release(count);
      };
      // At most `concurrency` groups claim at once, so the first claims are not slowed by all the others.
      const claimTurn = pLimit(deps.concurrency);
      const claiming = new Set<Promise<unknown>>();
      const works: Promise<void>[] = [];
      let failure: { error: unknown } | undefined;

      /** One network's group: its network, and those of the group claimed (none if it is not sending time). */
      const claimGroup = async (group: VersionedFollowUp[]) => {
        let claimed = 0;
        try {
          const network = await source.networkOf(group[0]!.followUp.networkId);
          if (network?.status !== 'active') return undefined;
          if (!isSendingTime(reminderPolicyOf(network.settings), network.settings.timeZone, now)) {
            for (const found of group) await defer(found, network, now);
            return undefined;
          }
          if (deps.delivery.maySend && !(await deps.delivery.maySend(network))) return undefined;
          const won = await claimAll(group, now);
          claimed = won.length;
          return { network, won };
        } finally {
          source.settled(group);
          through(group.length - claimed);
        }
      };

      /** One group claimed, then sent in turn. */
      const work = async (group: VersionedFollowUp[]): Promise<void> => {
        const claim = claimTurn(() => claimGroup(group));
        claiming.add(claim);
        try {
          const claimed = await claim.finally(() => claiming.delete(claim));
          const won = claimed?.won ?? [];
          let sent = 0;
          try {
            for (const one of won) {
              await send(one, claimed!.network, now);
              sent += 1;
              through(1);
            }
          } finally {
            // A failed send stops its group: the rest of it is through too (not sent; their claims expire).
            through(won.length - sent);
          }
        } catch (error) {
          failure ??= { error };
        }
      };

      for (;;) {
        await unsent.waitForUnlock(deps.batchSize);
        if (failure) break;
        let batch;
        try {
          batch = await source.next();
        } catch (error) {
          failure ??= { error };
          break;
        }
        for (const group of batch.groups) {
          await unsent.acquire(group.length);
          works.push(work(group));
        }
        if (batch.exhausted) break;
        // Only our own came back, still being claimed: ask again once one of those claims is settled.
        if (batch.groups.length === 0 && claiming.size > 0)
          await Promise.race(claiming).catch(() => undefined);
      }
      await Promise.all(works);
      if (failure) throw failure.error;
    },
  };
}
