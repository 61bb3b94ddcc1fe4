import pino from 'pino';
import type { FollowUp } from '../../src/domain/follow-up';
import type { Network } from '../../src/domain/network';
import type { ReminderDelivery, ReminderOutcome } from '../../src/scheduler/follow-up-reminders';
import { activeNetwork } from './memory-reminder-stores';

// Due follow-ups, networks and a recording delivery for the reminder run's fast tests (test/unit/reminder-*.test.ts).

export const DUE_AT = '2026-11-30T07:00:00.000Z'; // Monday 08:00 in Stockholm
export const NOW = new Date('2026-11-30T08:00:00.000Z'); // 09:00: sending time
export const EVENING = new Date('2026-11-30T19:00:00.000Z'); // 20:00: not
export const LEASE_MS = 5 * 60_000;
export const logger = pino({ level: 'silent' });

export function dueFollowUp(
  networkId: string,
  followUpId: string,
  reminders?: FollowUp['reminders'],
): FollowUp {
  return {
    networkId,
    followUpId,
    meetingId: 'm1',
    owner: { kind: 'organisation', name: 'Kungälv' },
    text: `uppgift ${followUpId}`,
    due: '2026-12-03',
    status: 'open',
    changes: [],
    reminders: reminders ?? { nextAt: DUE_AT, sent: [] },
    createdBy: 'test',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

/** `count` due follow-ups spread over `networks` networks (n0, n1, …), ids f0, f1, … */
export const dueOver = (count: number, networks: number): FollowUp[] =>
  Array.from({ length: count }, (_, i) => dueFollowUp(`n${i % networks}`, `f${i}`));

export const networksOf = (count: number): Network[] =>
  Array.from({ length: count }, (_, i) => activeNetwork(`n${i}`));

/** A delivery that records what it was given and answers `outcome` (by default the chat). */
export function recordingDelivery(
  outcome: (followUp: FollowUp) => ReminderOutcome | Promise<ReminderOutcome> = () => 'chat',
) {
  const delivered: string[] = [];
  const prepared: { networks: string[]; followUps: string[] }[] = [];
  const delivery: ReminderDelivery = {
    async deliver(_network, followUp) {
      delivered.push(followUp.followUpId);
      return outcome(followUp);
    },
    prepare(networks, followUps) {
      prepared.push({
        networks: networks.map((n) => n.networkId),
        followUps: followUps.map((f) => f.followUpId),
      });
    },
  };
  return { delivery, delivered, prepared };
}
