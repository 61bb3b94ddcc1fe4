import { z } from 'zod';
import template from '../../adaptiveCards/reminder-policy.json';
import type { Language } from '../domain/language';
import {
  REMINDER_DAYS_BEFORE_MAX,
  REMINDER_OVERDUE_EVERY_MAX,
  type ReminderPolicy,
} from '../domain/reminders/reminder-policy';
import { isoTime, minutesOf } from '../domain/when/local-date';
import type { MessageKey } from '../i18n/translator';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const REMINDER_POLICY_VERB = 'reminders.save';

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .transform((text) => ({ hour: Number(text.slice(0, 2)), minute: Number(text.slice(3, 5)) }));

export const reminderPolicyRefSchema = z.object({ networkId: z.string().min(1).max(100) }).passthrough();

/** The form as Teams sends it: numbers and times as text. */
export const reminderPolicySchema = z
  .object({
    networkId: z.string().min(1).max(100),
    daysBefore: z.coerce.number().int().min(0).max(REMINDER_DAYS_BEFORE_MAX),
    onDueDay: z.enum(['true', 'false']).transform((v) => v === 'true'),
    overdueEveryDays: z.coerce.number().int().min(0).max(REMINDER_OVERDUE_EVERY_MAX),
    from: clock,
    until: clock,
  })
  .strict()
  .refine((form) => minutesOf(form.from) < minutesOf(form.until), { path: ['until'] });

export const REMINDER_POLICY_FIELDS: Record<string, MessageKey> = {
  daysBefore: 'reminders.daysBefore',
  onDueDay: 'reminders.onDueDay',
  overdueEveryDays: 'reminders.overdueEveryDays',
  from: 'reminders.from',
  until: 'reminders.until',
};

/** The network's reminder policy as a form for a chair; `values` are what was typed when it comes back. */
export function renderReminderPolicyCard(view: {
  language: Language;
  networkId: string;
  policy: ReminderPolicy;
  values?: Record<string, string>;
  notice?: string;
  error?: boolean;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const { policy, values } = view;
  return renderTemplate(template, {
    notice: view.notice ?? '',
    noticeColor: view.error ? 'Attention' : 'Good',
    title: t('reminders.title'),
    intro: t('reminders.intro'),
    networkId: view.networkId,
    values: {
      daysBefore: values?.daysBefore ?? String(policy.daysBefore),
      onDueDay: values?.onDueDay ?? String(policy.onDueDay),
      overdueEveryDays: values?.overdueEveryDays ?? String(policy.overdueEveryDays),
      from: values?.from ?? isoTime(policy.from),
      until: values?.until ?? isoTime(policy.until),
    },
    labels: {
      daysBefore: t('reminders.daysBefore'),
      daysBeforeRange: t('reminders.daysBeforeRange'),
      onDueDay: t('reminders.onDueDay'),
      overdueEveryDays: t('reminders.overdueEveryDays'),
      overdueEveryDaysRange: t('reminders.overdueEveryDaysRange'),
      from: t('reminders.from'),
      until: t('reminders.until'),
      timeRequired: t('reminders.timeRequired'),
      save: t('decision.save'),
    },
  });
}
