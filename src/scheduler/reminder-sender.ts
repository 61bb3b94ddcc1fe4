import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { Network } from '../domain/network';
import {
  dueReminderKey,
  withReminderDeferred,
  withReminderSent,
} from '../domain/reminders/follow-up-reminders';
import { reminderPolicyOf } from '../domain/reminders/reminder-policy';
import { nextSendingTime } from '../domain/reminders/reminder-schedule';
import type { FollowUpRepository, VersionedFollowUp } from '../storage/follow-up-repository';
import { updateLatest } from '../storage/versioned-store';
import { telemetry } from '../telemetry';
import type { Claimed, ReminderDelivery, ReminderOutcome } from './reminder-delivery';

/** A failed reminder is tried again after 5, 10, 20, 40 minutes; then given up (logged), never retried forever. */
const RETRY_BASE_MS = 5 * 60_000;
const MAX_FAILURES = 5;

/**
 * Delivers claimed reminders and records each (or its deferral, or that it was given up) over the claimed version;
 * outside sending hours moves a due reminder to the next opening without sending it.
 */
export function createReminderSender(deps: {
  followUps: FollowUpRepository;
  delivery: ReminderDelivery;
  clock: Clock;
  instanceId: string;
  leaseMs: number;
  logger: Logger;
}) {
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

  return { defer, send };
}
