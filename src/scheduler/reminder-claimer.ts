import type { Clock } from '../domain/clock';
import type { FollowUp } from '../domain/follow-up';
import { dueReminderKey, withReminderClaim } from '../domain/reminders/follow-up-reminders';
import type { FollowUpRepository, VersionedFollowUp } from '../storage/follow-up-repository';
import { claimWithEtag } from '../storage/versioned-store';
import type { Claimed, TakenOver } from './reminder-delivery';

/**
 * Claims due reminders for this instance with the follow-up's ETag and a lease (`leaseMs`): a network's reminders
 * found together in one batch request, each op with its own ETag; what the batch did not get to, one by one.
 */
export function createReminderClaimer(deps: {
  followUps: FollowUpRepository;
  clock: Clock;
  instanceId: string;
  leaseMs: number;
}) {
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

  return claimAll;
}
