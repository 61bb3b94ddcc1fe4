import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import { telemetry } from '../telemetry';
import type { FollowUp } from '../domain/follow-up';
import type { Network } from '../domain/network';
import {
  dueReminderKey,
  withReminderClaim,
  withReminderDeferred,
  withReminderSent,
} from '../domain/reminders/follow-up-reminders';
import { reminderPolicyOf } from '../domain/reminders/reminder-policy';
import { isSendingTime, nextSendingTime } from '../domain/reminders/reminder-schedule';
import type { FollowUpRepository, VersionedFollowUp } from '../storage/follow-up-repository';
import type { Versioned } from '../storage/versioned-store';
import type { NetworkRepository } from '../storage/network-repository';
import { claimWithEtag, updateLatest } from '../storage/versioned-store';
import type { ScheduledTask } from './scheduler';

/**
 * Where a reminder went; `failed` means try again later; `abandoned`: the claim was no longer this instance's when
 * its turn to send came, so it sent nothing. Implemented at the Teams edge.
 */
export type ReminderOutcome = 'personal' | 'chat' | 'none' | 'failed' | 'abandoned';

/** An instance held the same reminder's claim from `since` and its lease ran out: it may have sent it. */
export interface TakenOver {
  since: Date;
}

export interface ReminderDelivery {
  /**
   * `stillMine` is asked right before the card goes to Teams. With `takenOver`, the reminder is first looked for
   * where it would have gone; found, it is not sent again.
   */
  deliver(
    network: Network,
    followUp: FollowUp,
    now: Date,
    stillMine: () => Promise<boolean>,
    takenOver?: TakenOver,
  ): Promise<ReminderOutcome>;
  /** Reads ahead, in a few queries, what delivering these reminders of these networks will need. */
  prepare?(networks: Network[], followUps: FollowUp[]): void;
}

/** A reminder this instance holds: the claimed version, its key, when it was claimed (epoch ms). */
interface Claimed {
  version: Versioned<FollowUp>;
  key: string;
  claimedAt: number;
  takenOver: TakenOver | undefined;
}

/** A failed reminder is tried again after 5, 10, 20, 40 minutes; then given up (logged), never retried forever. */
const RETRY_BASE_MS = 5 * 60_000;
const MAX_FAILURES = 5;
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
  /** Outside sending hours a due reminder moves to the next opening without being sent. */
  const defer = async (found: VersionedFollowUp, network: Network, now: Date): Promise<void> => {
    const due = found.followUp;
    const policy = reminderPolicyOf(network.settings);
    const zone = network.settings.timeZone;
    await updateLatest(deps.followUps.versioned(due.networkId, due.followUpId), (current) =>
      dueReminderKey(current) === dueReminderKey(due)
        ? withReminderDeferred(current, nextSendingTime(policy, zone, now), false)
        : undefined,
    );
  };

  /**
   * The follow-up claimed for this instance (key `<followUpId>@<due instant>`), or undefined: not due, or held;
   * `takenOver` when an expired claim on the same reminder is replaced.
   */
  const claimOf = (
    current: FollowUp,
    now: Date,
  ): { claimed: FollowUp; key: string; takenOver?: TakenOver } | undefined => {
    const key = dueReminderKey(current);
    const nextAt = current.reminders?.nextAt;
    const claim = current.reminders?.claim;
    if (!key || !nextAt || nextAt > now.toISOString() || current.status !== 'open') return undefined;
    if (claim && claim.until > now.toISOString()) return undefined;
    const until = new Date(now.getTime() + deps.leaseMs).toISOString();
    const claimed = withReminderClaim(current, { by: deps.instanceId, until, key });
    return claim?.key === key
      ? { claimed, key, takenOver: { since: new Date(Date.parse(claim.until) - deps.leaseMs) } }
      : { claimed, key };
  };

  /**
   * Claims the follow-ups of one network found due, as they were found (no second read; one changed since is
   * lost, as to another instance): one alone with its ETag, several in one batch request.
   */
  const claimAll = async (group: VersionedFollowUp[], now: Date): Promise<Claimed[]> => {
    const claimOne = async (found: VersionedFollowUp): Promise<Claimed[]> => {
      let taken: ReturnType<typeof claimOf>;
      const version = await claimWithEtag(
        deps.followUps.versioned(found.followUp.networkId, found.followUp.followUpId),
        (current) => {
          taken = claimOf(current, now);
          return taken?.claimed;
        },
        found.etag ? { value: found.followUp, etag: found.etag } : undefined,
      );
      return version && taken
        ? [{ version, key: taken.key, claimedAt: deps.clock().getTime(), takenOver: taken.takenOver }]
        : [];
    };
    if (group.length === 1) return claimOne(group[0]!);
    const claims = group.flatMap((found) => {
      const taken = found.etag ? claimOf(found.followUp, now) : undefined;
      return taken ? [{ ...taken, found }] : [];
    });
    if (claims.length === 0) return [];
    const saved = await deps.followUps.replaceEach(
      group[0]!.followUp.networkId,
      claims.map(({ claimed, found }) => ({ followUp: claimed, etag: found.etag })),
    );
    const claimedAt = deps.clock().getTime();
    const won = claims.flatMap(({ key, takenOver }, i): Claimed[] => {
      const version = saved[i];
      return typeof version === 'object'
        ? [{ version: { value: version.followUp, etag: version.etag }, key, claimedAt, takenOver }]
        : [];
    });
    // Those the batch did not get to (another's conflict stopped it) are claimed one by one.
    const alone = claims.filter((_, i) => saved[i] === 'not-done');
    for (const { found } of alone) won.push(...(await claimOne(found)));
    return won;
  };

  /** Delivers a claimed reminder and records it (or its deferral) over the claimed version. */
  const send = async (
    { version, key, claimedAt, takenOver }: Claimed,
    network: Network,
    now: Date,
  ): Promise<void> => {
    const claimed = version.value;
    const ids = { followUpId: claimed.followUpId, networkId: claimed.networkId };
    const store = deps.followUps.versioned(ids.networkId, ids.followUpId);
    const policy = reminderPolicyOf(network.settings);
    const zone = network.settings.timeZone;
    if (claimed.reminders?.lastKey === key) {
      // Recorded already by an instance whose claim expired: only the bookkeeping is left.
      await updateLatest(
        store,
        (current) => withReminderSent(current, { key, at: now, via: 'none' }, policy, zone),
        version,
      );
      return;
    }

    // After a wait for a sending slot (a busy tenant, a Retry-After) the lease may have run out and another
    // instance taken the reminder over: then this one must not send it too. Another instance takes a claim only
    // once it has expired, so within the first half of the lease (room for clocks apart) it is still this one's
    // without asking Cosmos.
    const stillMine = async (): Promise<boolean> => {
      if (deps.clock().getTime() - claimedAt < deps.leaseMs / 2) return true;
      const claim = (await store.get())?.value.reminders?.claim;
      return claim?.by === deps.instanceId && claim.key === key && claim.until > deps.clock().toISOString();
    };
    let outcome: ReminderOutcome;
    try {
      outcome = await deps.delivery.deliver(network, claimed, now, stillMine, takenOver);
    } catch (error) {
      deps.logger.error({ err: error, ...ids }, 'reminder failed');
      outcome = 'failed';
    }
    if (outcome === 'abandoned') {
      deps.logger.warn({ ...ids }, 'reminder claim lost; not sent');
      return;
    }
    const failures = (claimed.reminders?.failures ?? 0) + 1;
    const givenUp = outcome === 'failed' && failures >= MAX_FAILURES;
    // Written over the claimed version when nobody changed the follow-up meanwhile (no read); else re-read.
    await updateLatest(
      store,
      (current) => {
        if (current.reminders?.lastKey === key) return undefined;
        if (outcome !== 'failed' || givenUp)
          return withReminderSent(
            current,
            { key, at: now, via: outcome === 'failed' ? 'none' : outcome },
            policy,
            zone,
          );
        const retryAt = new Date(now.getTime() + RETRY_BASE_MS * 2 ** (failures - 1));
        return withReminderDeferred(current, nextSendingTime(policy, zone, retryAt), true);
      },
      version,
    );
    if (outcome === 'personal' || outcome === 'chat') telemetry().remindersSent.add(1, { via: outcome });
    else
      telemetry().remindersFailed.add(1, {
        reason: outcome === 'none' ? 'nowhere' : givenUp ? 'given-up' : 'deferred',
      });
    if (givenUp) deps.logger.error({ ...ids, failures }, 'reminder given up');
    else
      deps.logger.info(
        { ...ids, via: outcome },
        outcome === 'failed' ? 'reminder deferred' : 'reminder sent',
      );
  };

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
