import type { FollowUp } from '../domain/follow-up';
import type { Network } from '../domain/network';
import type { Versioned } from '../storage/versioned-store';

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
  /**
   * Whether this instance may send this network's reminders now; when not (another instance is sending to its
   * tenant), they are left unclaimed for that one.
   */
  maySend?(network: Network): Promise<boolean>;
  /** Reads ahead, in a few queries, what delivering these reminders of these networks will need. */
  prepare?(networks: Network[], followUps: FollowUp[]): void;
}

/** A reminder this instance holds: the claimed version, its key, when it was claimed (epoch ms). */
export interface Claimed {
  version: Versioned<FollowUp>;
  key: string;
  claimedAt: number;
  takenOver: TakenOver | undefined;
}
