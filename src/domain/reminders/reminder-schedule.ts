import { DateTime } from 'luxon';
import type { FollowUp } from '../follow-up';
import { addDays, minutesOf, parseDay, todayIn, toInstant, type LocalDate } from '../when/local-date';
import type { ReminderPolicy } from './reminder-policy';
import { isWorkingDay } from './working-days';

const dayNumber = (d: LocalDate): number => Math.round(DateTime.fromObject(d).toMillis() / 86_400_000);

function workingDayOnOrBefore(date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

function workingDayOnOrAfter(date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** Which reminder a day's is: before the deadline, on it, or after. */
export type ReminderKind = 'before' | 'due' | 'overdue';

export function reminderKind(due: string, zone: string, now: Date): ReminderKind {
  const today = dayNumber(todayIn(zone, now).date);
  const deadline = dayNumber(parseDay(due));
  return today < deadline ? 'before' : today === deadline ? 'due' : 'overdue';
}

/**
 * The next instant (UTC ISO) after `after` at which the owner should be reminded, by the network's policy:
 * mornings of working days only (a deadline on a weekend or holiday is reminded of on the working day before it; an
 * overdue reminder falling on one moves to the next). Undefined when nothing is left to remind of: done, no
 * deadline, or the policy has no more reminders.
 */
export function nextReminderAt(
  followUp: Pick<FollowUp, 'status' | 'due' | 'ownerErasedAt'>,
  policy: ReminderPolicy,
  zone: string,
  after: Date,
): string | undefined {
  if (followUp.status !== 'open' || !followUp.due || followUp.ownerErasedAt) return undefined;
  const due = parseDay(followUp.due);
  const at = (day: LocalDate): string => toInstant(day, policy.from, zone);
  const later = (instant: string): boolean => Date.parse(instant) > after.getTime();

  const ahead = [
    ...(policy.daysBefore > 0 ? [workingDayOnOrBefore(addDays(due, -policy.daysBefore))] : []),
    ...(policy.onDueDay ? [workingDayOnOrBefore(due)] : []),
  ]
    .map(at)
    .filter(later)
    .sort();
  if (ahead[0]) return ahead[0];
  if (policy.overdueEveryDays <= 0) return undefined;

  // Start near `after` instead of walking week by week from a deadline long past.
  const daysLate = dayNumber(todayIn(zone, after).date) - dayNumber(due);
  let k = Math.max(1, Math.floor(daysLate / policy.overdueEveryDays));
  for (;;) {
    const instant = at(workingDayOnOrAfter(addDays(due, k * policy.overdueEveryDays)));
    if (later(instant)) return instant;
    k += 1;
  }
}

/** Whether `now` is inside the policy's sending hours on a working day in the zone. */
export function isSendingTime(policy: ReminderPolicy, zone: string, now: Date): boolean {
  const today = todayIn(zone, now);
  const minute = minutesOf(today.time);
  return isWorkingDay(today.date) && minute >= minutesOf(policy.from) && minute < minutesOf(policy.until);
}

/** The next opening of the sending hours at or after `now` (`now` itself when inside them). */
export function nextSendingTime(policy: ReminderPolicy, zone: string, now: Date): string {
  if (isSendingTime(policy, zone, now)) return now.toISOString();
  const today = todayIn(zone, now);
  const beforeOpening = minutesOf(today.time) < minutesOf(policy.from);
  const day = workingDayOnOrAfter(beforeOpening ? today.date : addDays(today.date, 1));
  return toInstant(day, policy.from, zone);
}

/**
 * When chairs next get the weekly overdue digest: the first working day of a week at the policy's opening time,
 * the first such instant after `after`.
 */
export function nextDigestAt(policy: ReminderPolicy, zone: string, after: Date): string {
  const today = todayIn(zone, after);
  let monday = addDays(today.date, 1 - today.weekday);
  for (;;) {
    const instant = toInstant(workingDayOnOrAfter(monday), policy.from, zone);
    if (Date.parse(instant) > after.getTime()) return instant;
    monday = addDays(monday, 7);
  }
}
