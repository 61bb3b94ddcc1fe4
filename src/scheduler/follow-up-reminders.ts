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
import type { NetworkRepository } from '../storage/network-repository';
import { claimWithEtag, updateLatest } from '../storage/versioned-store';
import type { ScheduledTask } from './scheduler';

/**
 * Where a reminder went; `failed` means try again later; `abandoned`: the claim was no longer this instance's when
 * its turn to send came, so it sent nothing. Implemented at the Teams edge.
 */
export type ReminderOutcome = 'personal' | 'chat' | 'none' | 'failed' | 'abandoned';

export interface ReminderDelivery {
  /** `stillMine` is asked right before the card goes to Teams. */
  deliver(
    network: Network,
    followUp: FollowUp,
    now: Date,
    stillMine: () => Promise<boolean>,
  ): Promise<ReminderOutcome>;
}

/** A failed reminder is tried again after 5, 10, 20, 40 minutes; then given up (logged), never retried forever. */
const RETRY_BASE_MS = 5 * 60_000;
const MAX_FAILURES = 5;

/**
 * Sends each due follow-up reminder exactly once across instances. Per reminder: claim the follow-up with its ETag
 * (key `<followUpId>@<due instant>`, lease `leaseMs`), deliver, then record the key and the next reminder in one
 * write. An instance dying after its claim leaves the claim to expire; another takes it over, and the recorded key
 * stops a second send of what was already recorded. Outside sending hours a due reminder is moved to the next
 * opening without being sent.
 */
export function createReminderTask(deps: {
  followUps: FollowUpRepository;
  networks: NetworkRepository;
  delivery: ReminderDelivery;
  clock: Clock;
  instanceId: string;
  leaseMs: number;
  /** Reminders read per query and worked on at once. */
  batchSize: number;
  concurrency: number;
  logger: Logger;
}): ScheduledTask {
  const remind = async (found: VersionedFollowUp, network: Network, now: Date): Promise<boolean> => {
    const due = found.followUp;
    const store = deps.followUps.versioned(due.networkId, due.followUpId);
    const policy = reminderPolicyOf(network.settings);
    const zone = network.settings.timeZone;
    if (!isSendingTime(policy, zone, now)) {
      await updateLatest(store, (current) =>
        dueReminderKey(current) === dueReminderKey(due)
          ? withReminderDeferred(current, nextSendingTime(policy, zone, now), false)
          : undefined,
      );
      return true;
    }
    const until = new Date(now.getTime() + deps.leaseMs).toISOString();
    let key = '';
    // The query's version is claimed as it is (no second read); if it changed since, the claim is lost like a race.
    const version = await claimWithEtag(
      store,
      (current) => {
        const currentKey = dueReminderKey(current);
        const nextAt = current.reminders?.nextAt;
        const claim = current.reminders?.claim;
        if (!currentKey || !nextAt || nextAt > now.toISOString() || current.status !== 'open')
          return undefined;
        if (claim && claim.until > now.toISOString()) return undefined;
        key = currentKey;
        return withReminderClaim(current, { by: deps.instanceId, until, key });
      },
      found.etag ? { value: due, etag: found.etag } : undefined,
    );
    if (!version) return false;
    const claimed = version.value;
    const claimedAt = deps.clock().getTime();
    if (claimed.reminders?.lastKey === key) {
      // Recorded already by an instance whose claim expired: only the bookkeeping is left.
      await updateLatest(
        store,
        (current) => withReminderSent(current, { key, at: now, via: 'none' }, policy, zone),
        version,
      );
      return true;
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
      outcome = await deps.delivery.deliver(network, claimed, now, stillMine);
    } catch (error) {
      deps.logger.error(
        { err: error, followUpId: due.followUpId, networkId: due.networkId },
        'reminder failed',
      );
      outcome = 'failed';
    }
    if (outcome === 'abandoned') {
      deps.logger.warn(
        { followUpId: due.followUpId, networkId: due.networkId },
        'reminder claim lost; not sent',
      );
      return true;
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
    if (givenUp)
      deps.logger.error(
        { followUpId: due.followUpId, networkId: due.networkId, failures },
        'reminder given up',
      );
    else
      deps.logger.info(
        { followUpId: due.followUpId, networkId: due.networkId, via: outcome },
        outcome === 'failed' ? 'reminder deferred' : 'reminder sent',
      );
    return true;
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
      // The next batch is asked for while the current one is still being sent (when a quarter of it is left), so
      // sending never waits for a query. What this run has already taken is skipped when it comes back (the query
      // returns the due ones not claimed, which includes those still queued here).
      const taken = new Set<string>();
      const queue: VersionedFollowUp[] = [];
      let exhausted = false;
      let failure: { error: unknown } | undefined;
      let fetching: Promise<void> | undefined;
      const fetchMore = (): Promise<void> =>
        (fetching ??= deps.followUps
          .dueReminders(now, deps.batchSize)
          .then(
            (due) => {
              let fresh = 0;
              for (const found of due) {
                const id = `${found.followUp.networkId}/${found.followUp.followUpId}`;
                if (taken.has(id)) continue;
                taken.add(id);
                queue.push(found);
                fresh += 1;
              }
              // Nothing new (the rest is claimed elsewhere or already taken), or less than asked for: all is queued.
              if (fresh === 0 || due.length < deps.batchSize) exhausted = true;
            },
            (error: unknown) => {
              failure = { error };
              exhausted = true;
            },
          )
          .finally(() => {
            fetching = undefined;
          }));
      const lowWater = Math.max(deps.concurrency, Math.floor(deps.batchSize / 4));
      const worker = async (): Promise<void> => {
        for (;;) {
          if (!exhausted && queue.length <= lowWater) {
            const more = fetchMore();
            if (queue.length === 0) await more;
          }
          const found = queue.shift();
          if (!found) {
            if (exhausted) return;
            continue;
          }
          const network = await networkOf(found.followUp.networkId);
          if (network?.status !== 'active') continue;
          await remind(found, network, now);
        }
      };
      await Promise.all(Array.from({ length: deps.concurrency }, worker));
      if (failure) throw failure.error;
    },
  };
}
