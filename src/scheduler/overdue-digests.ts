import type { Logger } from 'pino';
import type { FollowUp } from '../domain/follow-up';
import type { Network, PersonRef } from '../domain/network';
import { digestKey, type OverdueDigest } from '../domain/reminders/overdue-digest';
import { reminderPolicyOf } from '../domain/reminders/reminder-policy';
import {
  isSendingTime,
  nextDigestAt,
  nextSendingTime,
  reminderKind,
} from '../domain/reminders/reminder-schedule';
import type { DigestRepository } from '../storage/digest-repository';
import type { FollowUpRepository } from '../storage/follow-up-repository';
import type { NetworkRepository } from '../storage/network-repository';
import { claimWithEtag, updateLatest } from '../storage/versioned-store';
import type { ScheduledTask } from './scheduler';

/** Delivers the digest to the people not yet in `done`, telling each success as it happens. At the Teams edge. */
export interface DigestDelivery {
  deliverDigest(
    network: Network,
    overdue: FollowUp[],
    recipients: PersonRef[],
    delivered: (recipient: string) => Promise<void>,
  ): Promise<'done' | 'failed'>;
}

const RETRY_MS = 15 * 60_000;
const MAX_FAILURES = 5;

/**
 * Once a week, at the opening of sending hours on the week's first working day, each network's chairs and
 * secretary get the follow-ups that are overdue (none overdue: nothing is sent). Exactly once like reminders: an
 * ETag claim with a lease, and who has had it recorded as it goes, so a retry or a takeover sends no one two.
 */
export function createOverdueDigestTask(deps: {
  digests: DigestRepository;
  networks: NetworkRepository;
  followUps: FollowUpRepository;
  delivery: DigestDelivery;
  instanceId: string;
  leaseMs: number;
  logger: Logger;
}): ScheduledTask {
  const send = async (due: OverdueDigest, now: Date): Promise<void> => {
    const store = deps.digests.versioned(due.networkId);
    const network = (await deps.networks.get(due.networkId))?.network;
    if (network?.status !== 'active') return;
    const policy = reminderPolicyOf(network.settings);
    const zone = network.settings.timeZone;
    if (!isSendingTime(policy, zone, now)) {
      // Late (the scheduler was down): not on a weekend or at night, at the next opening instead.
      await updateLatest(store, (current) =>
        current.nextAt <= now.toISOString()
          ? { ...current, nextAt: nextSendingTime(policy, zone, now) }
          : undefined,
      );
      return;
    }
    const until = new Date(now.getTime() + deps.leaseMs).toISOString();
    const claimed = (
      await claimWithEtag(store, (current) =>
        current.nextAt <= now.toISOString() && !(current.claim && current.claim.until > now.toISOString())
          ? { ...current, claim: { by: deps.instanceId, until, key: digestKey(current) } }
          : undefined,
      )
    )?.value;
    if (!claimed) return;
    const key = digestKey(claimed);
    const finish = (current: OverdueDigest): OverdueDigest => {
      const { claim: _claim, failures: _failures, ...rest } = current;
      return { ...rest, lastKey: key, sentTo: [], nextAt: nextDigestAt(policy, zone, now) };
    };

    const overdue = (await deps.followUps.listOpen(network.networkId)).filter(
      (f) => f.due !== undefined && reminderKind(f.due, zone, now) === 'overdue',
    );
    const keepers = [
      ...network.settings.chairs,
      ...(network.settings.secretary ? [network.settings.secretary] : []),
    ];
    const waiting = keepers.filter((person) => !claimed.sentTo.includes(person.aadObjectId));
    let outcome: 'done' | 'failed' = 'done';
    if (overdue.length > 0 && waiting.length > 0) {
      try {
        outcome = await deps.delivery.deliverDigest(network, overdue, waiting, async (recipient) => {
          await updateLatest(store, (current) =>
            digestKey(current) === key ? { ...current, sentTo: [...current.sentTo, recipient] } : undefined,
          );
        });
      } catch (error) {
        deps.logger.error({ err: error, networkId: network.networkId }, 'digest failed');
        outcome = 'failed';
      }
    }
    const failures = (claimed.failures ?? 0) + 1;
    await updateLatest(store, (current) => {
      if (digestKey(current) !== key) return undefined;
      if (outcome === 'done' || failures >= MAX_FAILURES) return finish(current);
      const { claim: _claim, ...rest } = current;
      return { ...rest, failures, nextAt: nextSendingTime(policy, zone, new Date(now.getTime() + RETRY_MS)) };
    });
    deps.logger.info(
      { networkId: network.networkId, overdue: overdue.length, outcome },
      overdue.length ? 'overdue digest' : 'overdue digest: nothing overdue',
    );
  };

  return {
    name: 'overdue-digests',
    async run(now) {
      for (const due of await deps.digests.due(now, 100)) await send(due, now);
    },
  };
}
