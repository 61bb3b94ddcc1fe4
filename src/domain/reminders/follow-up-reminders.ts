import type { FollowUp, FollowUpReminders, ReminderClaim } from '../follow-up';
import type { ReminderPolicy } from './reminder-policy';
import { nextReminderAt } from './reminder-schedule';

/** How many reminders' history a follow-up keeps. */
const SENT_KEPT = 20;

const remindersOf = (followUp: FollowUp): FollowUpReminders => followUp.reminders ?? { sent: [] };

function withNextAt(reminders: FollowUpReminders, nextAt: string | undefined): FollowUpReminders {
  const { nextAt: _old, failures: _failures, ...rest } = reminders;
  return nextAt ? { ...rest, nextAt } : rest;
}

/** The follow-up with its next reminder worked out again after `after` (on create, postpone, done, new policy). */
export function scheduleReminders(
  followUp: FollowUp,
  policy: ReminderPolicy,
  zone: string,
  after: Date,
): FollowUp {
  return {
    ...followUp,
    reminders: withNextAt(remindersOf(followUp), nextReminderAt(followUp, policy, zone, after)),
  };
}

/** The idempotency key of the reminder due now, if one is. */
export const dueReminderKey = (followUp: FollowUp): string | undefined =>
  followUp.reminders?.nextAt ? `${followUp.followUpId}@${followUp.reminders.nextAt}` : undefined;

export const withReminderClaim = (followUp: FollowUp, claim: ReminderClaim | undefined): FollowUp => {
  const { claim: _old, ...rest } = remindersOf(followUp);
  return { ...followUp, reminders: claim ? { ...rest, claim } : rest };
};

/** Delivered (or nowhere to deliver): remember the key, release the claim and schedule the next one. */
export function withReminderSent(
  followUp: FollowUp,
  sent: { key: string; at: Date; via: 'personal' | 'chat' | 'none' },
  policy: ReminderPolicy,
  zone: string,
): FollowUp {
  const { claim: _claim, ...rest } = remindersOf(followUp);
  const reminders: FollowUpReminders = {
    ...rest,
    lastKey: sent.key,
    sent: [...rest.sent, { key: sent.key, at: sent.at.toISOString(), via: sent.via }].slice(-SENT_KEPT),
  };
  return {
    ...followUp,
    reminders: withNextAt(reminders, nextReminderAt(followUp, policy, zone, sent.at)),
  };
}

/** Not sent this time (outside sending hours, or Teams failing): try again at `retryAt`, claim released. */
export function withReminderDeferred(followUp: FollowUp, retryAt: string, failed: boolean): FollowUp {
  const { claim: _claim, ...rest } = remindersOf(followUp);
  return {
    ...followUp,
    reminders: {
      ...rest,
      nextAt: retryAt,
      ...(failed ? { failures: (rest.failures ?? 0) + 1 } : rest.failures ? { failures: rest.failures } : {}),
    },
  };
}
