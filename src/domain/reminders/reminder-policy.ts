import type { LocalTime } from '../when/local-date';

/** When owners of follow-ups are reminded; set per network by a chair. */
export interface ReminderPolicy {
  /** Working days' mornings before the deadline to remind on; 0 for none. */
  daysBefore: number;
  /** Also on the morning of the deadline. */
  onDueDay: boolean;
  /** While overdue, again every this many days; 0 for never. */
  overdueEveryDays: number;
  /** Reminders go out on working days between these wall-clock times, in the network's zone. */
  from: LocalTime;
  until: LocalTime;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: 3,
  onDueDay: true,
  overdueEveryDays: 7,
  from: { hour: 8, minute: 0 },
  until: { hour: 17, minute: 0 },
};

export const REMINDER_DAYS_BEFORE_MAX = 30;
export const REMINDER_OVERDUE_EVERY_MAX = 60;

export const reminderPolicyOf = (settings: { reminders?: ReminderPolicy }): ReminderPolicy =>
  settings.reminders ?? DEFAULT_REMINDER_POLICY;
