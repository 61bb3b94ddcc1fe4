import type { ReminderClaim } from '../follow-up';

/** A network's weekly overdue digest to its chairs and secretary: when it is next due and how far it got. */
export interface OverdueDigest {
  networkId: string;
  nextAt: string;
  claim?: ReminderClaim;
  /** The digest last completed: `digest@<the instant it fell due>`. */
  lastKey?: string;
  /** Who has had the digest now due (Entra ids, or `chat`), so a retry after a partial failure sends no one two. */
  sentTo: string[];
  failures?: number;
}

export const digestKey = (digest: OverdueDigest): string => `digest@${digest.nextAt}`;
