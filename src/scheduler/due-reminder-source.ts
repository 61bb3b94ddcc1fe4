import type { Network } from '../domain/network';
import type { FollowUpRepository, VersionedFollowUp } from '../storage/follow-up-repository';
import type { NetworkRepository } from '../storage/network-repository';
import type { ReminderDelivery } from './reminder-delivery';

/** At most this many of one network's reminders are claimed together (one request) and then sent in turn. */
const GROUP_MOST = 10;

/** What one query brought that this run had not taken yet, grouped by network. */
export interface DueBatch {
  groups: VersionedFollowUp[][];
  /**
   * Nothing more to ask for: less came back than asked for (everything due is here), or nothing new and nothing
   * of this run's still being claimed (the rest is held elsewhere).
   */
  exhausted: boolean;
}

/** One run's reader of due reminders: each batch without what the run took before, and the networks they need. */
export interface DueReminderRun {
  next(): Promise<DueBatch>;
  /** The network of a group, read once per run (most are read ahead with the batch that brought them). */
  networkOf(networkId: string): Promise<Network | undefined>;
  /** The group's claims are settled: found again, its reminders are another's or done, not ours in flight. */
  settled(group: VersionedFollowUp[]): void;
}

const idOf = ({ followUp }: VersionedFollowUp): string => `${followUp.networkId}/${followUp.followUpId}`;

/**
 * The batch source of the reminder run. A query returns the due reminders not held by a live claim, which
 * includes those whose claim this run has on its way; those are skipped, so each reminder is worked on once.
 */
export function createDueReminderSource(deps: {
  followUps: FollowUpRepository;
  networks: NetworkRepository;
  delivery: Pick<ReminderDelivery, 'prepare'>;
  batchSize: number;
}): (now: Date) => DueReminderRun {
  return (now) => {
    const networks = new Map<string, Promise<Network | undefined>>();
    const taken = new Set<string>();
    /** Taken and its claim not yet settled. */
    const open = new Set<string>();

    const networkOf = (networkId: string): Promise<Network | undefined> => {
      let found = networks.get(networkId);
      if (!found) {
        found = deps.networks.get(networkId).then((n) => n?.network);
        networks.set(networkId, found);
      }
      return found;
    };

    /** The networks a batch brings for the first time are read in one query, not one by one in the claims. */
    const readAhead = (fresh: Map<string, VersionedFollowUp[]>): void => {
      const unread = [...fresh.keys()].filter((networkId) => !networks.has(networkId));
      if (unread.length === 0) return;
      const read = deps.networks
        .getMany(unread)
        .then((all) => new Map(all.map((network) => [network.networkId, network])));
      void read.then(
        (all) =>
          deps.delivery.prepare?.(
            [...all.values()],
            unread.flatMap((networkId) => (fresh.get(networkId) ?? []).map(({ followUp }) => followUp)),
          ),
        () => undefined,
      );
      for (const networkId of unread) {
        const one = read.then((all) => all.get(networkId));
        networks.set(networkId, one);
        // A failed read is the failure of the group that asks networkOf; here it must not go unhandled.
        one.catch(() => undefined);
      }
    };

    return {
      networkOf,
      settled(group) {
        for (const found of group) open.delete(idOf(found));
      },
      async next() {
        const due = await deps.followUps.dueReminders(now, deps.batchSize);
        const fresh = new Map<string, VersionedFollowUp[]>();
        let oursOpen = false;
        for (const found of due) {
          const id = idOf(found);
          if (taken.has(id)) {
            oursOpen ||= open.has(id);
            continue;
          }
          taken.add(id);
          open.add(id);
          const ofNetwork = fresh.get(found.followUp.networkId);
          if (ofNetwork) ofNetwork.push(found);
          else fresh.set(found.followUp.networkId, [found]);
        }
        readAhead(fresh);
        // A network's chat takes only a few messages a second anyway: its reminders go in groups sent in turn.
        const groups: VersionedFollowUp[][] = [];
        for (const all of fresh.values())
          for (let i = 0; i < all.length; i += GROUP_MOST) groups.push(all.slice(i, i + GROUP_MOST));
        return { groups, exhausted: due.length < deps.batchSize || (fresh.size === 0 && !oursOpen) };
      },
    };
  };
}
