import type { Language } from './language';
import type { Minutes } from './minutes';

/**
 * One version of a meeting's minutes. A draft is rewritten from what was recorded until the secretary approves it;
 * a correction after approval is a new version, and the approved one is kept as it was.
 */
export interface MinutesVersion {
  meetingId: string;
  networkId: string;
  version: number;
  status: 'draft' | 'approved';
  /** Read from the network's own past minutes (import), approved as they were then. */
  imported?: true;
  language: Language;
  minutes: Minutes;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  approvedBy?: string;
  approvedAt?: string;
}
