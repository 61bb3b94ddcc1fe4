import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { Network } from '../domain/network';
import { reminderPolicyOf } from '../domain/reminders/reminder-policy';
import { isSendingTime } from '../domain/reminders/reminder-schedule';
import type { FollowUpRepository, VersionedFollowUp } from '../storage/follow-up-repository';
import type { NetworkRepository } from '../storage/network-repository';
import { createReminderClaimer } from './reminder-claimer';
import { createReminderSender } from './reminder-sender';
import type { ScheduledTask } from './scheduler';
import type { ReminderDelivery } from './reminder-delivery';
export type { Claimed, ReminderDelivery, ReminderOutcome, TakenOver } from './reminder-delivery';

/** At most this many of one network's reminders are claimed together (one request) and then sent in turn. */
const GROUP_MOST = 10;

/**
 * Sends each due follow-up reminder exactly once across instances. Per reminder: claim the follow-up with its ETag
 * (key `<followUpId>@<due instant>`, lease `leaseMs`), deliver, then record the key and the next reminder in one
 * write (a network's reminders found together are claimed in one batch request, each op with its own ETag). An
 * instance dying after its claim leaves the claim to expire; another takes it over, and the recorded key
 * stops a second send of what was already recorded; what was sent and not recorded, the delivery looks for
 * (`takenOver`). Outside sending hours a due reminder is moved to the next
 * opening without being sent.
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
  const claimAll = createReminderClaimer(deps);
  const { defer, send } = createReminderSender(deps);

  return {
    name: 'follow-up-reminders',
    async run(now) {
      const networks = new Map<string, Promise<Network | undefined>>();
      const networkOf = (networkId: string): Promise<Network | undefined> => {
        let found = networks.get(networkId);
        if (!found) {
          found = deps.networks.get(networkId).then((n) => n?.network);
          networks.set(networkId, found);
        }
        return found;
      };
      const idOf = (found: VersionedFollowUp): string =>
        `${found.followUp.networkId}/${found.followUp.followUpId}`;
      /** Every reminder this run has found; a query that finds one again skips it. */
      const taken = new Set<string>();
      /** Taken and its claim not yet settled: a query still finds these due. */
      const open = new Set<string>();
      /** Taken and not yet through (claimed and sent, or dropped). */
      let unsent = 0;
      let failure: { error: unknown } | undefined;
      /** Settles at the next change: a claim settled, a reminder through, a failure. */
      let wake = (): void => undefined;
      let changed = new Promise<void>((resolve) => (wake = resolve));
      const notify = (): void => {
        wake();
        changed = new Promise<void>((resolve) => (wake = resolve));
      };
      /** At most `concurrency` groups claim at once, so the first claims are not slowed by all the others. */
      const claimTurn = pLimit(deps.concurrency);

      /** One network's reminders found together: its network, and those of them claimed (none if it is not time). */
      const claimGroup = async (group: VersionedFollowUp[]) => {
        let claimed = 0;
        try {
          const network = await networkOf(group[0]!.followUp.networkId);
          if (network?.status !== 'active') return undefined;
          if (!isSendingTime(reminderPolicyOf(network.settings), network.settings.timeZone, now)) {
            for (const found of group) await defer(found, network, now);
            return undefined;
          }
          const won = await claimAll(group, now);
          claimed = won.length;
          return { network, won };
        } finally {
          for (const found of group) open.delete(idOf(found));
          unsent -= group.length - claimed;
          notify();
        }
      };

      /** One network's reminders found together: claimed, then sent in turn. */
      const work = async (group: VersionedFollowUp[]): Promise<void> => {
        try {
          const claimed = await claimTurn(() => claimGroup(group));
          if (!claimed) return;
          for (const won of claimed.won) {
            try {
              await send(won, claimed.network, now);
            } finally {
              unsent -= 1;
              notify();
            }
          }
        } catch (error) {
          failure ??= { error };
          notify();
        }
      };

      // The next batch is asked for while the current one is still being sent (when less than half a batch is
      // left), so sending never waits for a query, and a query never competes with the claims of the batch
      // before. What this run has already taken is skipped when it comes back (the query returns the due ones not
      // claimed, which includes those whose claim is on its way).
      const lowWater = Math.floor(deps.batchSize / 2);
      const groups: Promise<void>[] = [];
      for (;;) {
        while (!failure && unsent > lowWater) await changed;
        if (failure) break;
        let due: VersionedFollowUp[];
        try {
          due = await deps.followUps.dueReminders(now, deps.batchSize);
        } catch (error) {
          failure = { error };
          break;
        }
        const fresh = new Map<string, VersionedFollowUp[]>();
        let stillOpen = false;
        for (const found of due) {
          const id = idOf(found);
          if (taken.has(id)) {
            stillOpen ||= open.has(id);
            continue;
          }
          taken.add(id);
          open.add(id);
          const networkId = found.followUp.networkId;
          const ofNetwork = fresh.get(networkId);
          if (ofNetwork) ofNetwork.push(found);
          else fresh.set(networkId, [found]);
        }
        // The networks this batch brings for the first time are read together, not one by one in the claims.
        const unread = [...fresh.keys()].filter((networkId) => !networks.has(networkId));
        if (unread.length > 0) {
          const read = deps.networks
            .getMany(unread)
            .then((all) => new Map(all.map((network) => [network.networkId, network])));
          const batch = new Set(unread);
          void read.then(
            (all) =>
              deps.delivery.prepare?.(
                [...all.values()],
                due.flatMap(({ followUp }) => (batch.has(followUp.networkId) ? [followUp] : [])),
              ),
            () => undefined,
          );
          for (const networkId of unread) {
            const one = read.then((all) => all.get(networkId));
            networks.set(networkId, one);
            // A failed read is the group's failure (networkOf's caller); here it must not go unhandled.
            one.catch(() => undefined);
          }
        }
        // A network's reminders go together, at most GROUP_MOST (its chat takes only a few a second anyway).
        for (const all of fresh.values())
          for (let i = 0; i < all.length; i += GROUP_MOST) {
            const group = all.slice(i, i + GROUP_MOST);
            unsent += group.length;
            groups.push(work(group));
          }
        // Less than asked for: everything due is here. Nothing new and nothing of ours in the answer: the rest is
        // held elsewhere (or its network is not active). Only our own, still being claimed: ask again once some
        // of those are settled.
        if (due.length < deps.batchSize || (fresh.size === 0 && !stillOpen)) break;
        if (fresh.size === 0) await changed;
      }
      await Promise.all(groups);
      if (failure) throw failure.error;
    },
  };
}
