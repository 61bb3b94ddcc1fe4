import { z } from 'zod';
import template from '../../adaptiveCards/meeting-form.json';
import { formatAgendaLine } from '../domain/agenda-items';
import type { Language } from '../domain/language';
import { MEETING_TITLE_MAX, type Meeting } from '../domain/meeting';
import { formatWhen } from '../i18n/format-when';
import { createTranslator, type MessageKey } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const MEETING_VERBS = {
  save: 'meeting.save',
  edit: 'meeting.edit',
  cancel: 'meeting.cancel',
} as const;

const blankToUndefined = (value: string | undefined): string | undefined =>
  value && value.trim() ? value.trim() : undefined;

/** Points at a meeting of a network; an empty meetingId means a new meeting. */
export const meetingRefSchema = z.object({
  networkId: z.string().min(1).max(100),
  meetingId: z.string().optional().transform(blankToUndefined).pipe(z.string().uuid().optional()),
});

export const meetingFormSchema = meetingRefSchema
  .extend({
    title: z.string().trim().min(1).max(MEETING_TITLE_MAX),
    when: z.string().trim().min(1).max(100),
    mode: z.enum(['digital', 'physical']),
    joinUrl: z.string().max(2000).optional().transform(blankToUndefined),
    place: z.string().max(200).optional().transform(blankToUndefined),
    agenda: z.string().max(10_000).optional().default(''),
    /** "The meeting has already been held": recorded afterwards, its date in the past. Only on a new meeting. */
    held: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
  })
  .strict();

export type MeetingFormInput = z.infer<typeof meetingFormSchema>;

export const MEETING_FIELDS: Record<string, MessageKey> = {
  title: 'meeting.field.title',
  when: 'meeting.field.when',
  mode: 'meeting.field.mode',
  joinUrl: 'meeting.field.joinUrl',
  place: 'meeting.field.place',
  agenda: 'meeting.field.agenda',
};

export interface MeetingFormView {
  language: Language;
  networkId: string;
  meeting?: Meeting;
  values?: Partial<Record<'title' | 'when' | 'mode' | 'joinUrl' | 'place' | 'agenda' | 'held', string>>;
  error?: string;
}

/** The form for a new meeting, or for editing one (prefilled, agenda as one line per item). */
export function renderMeetingForm({
  language,
  networkId,
  meeting,
  values,
  error,
}: MeetingFormView): AdaptiveCardJson {
  const t = createTranslator(language);
  const current = meeting
    ? {
        title: meeting.title,
        when: formatWhen(
          { kind: 'day', date: meeting.date, start: meeting.start, end: meeting.end },
          language,
          t,
        ),
        mode: meeting.mode,
        joinUrl: meeting.joinUrl ?? '',
        place: meeting.place ?? '',
        agenda: meeting.items.map((item) => formatAgendaLine(item, language)).join('\n'),
        held: 'false',
      }
    : { title: '', when: '', mode: 'digital', joinUrl: '', place: '', agenda: '', held: 'false' };
  return renderTemplate(template, {
    heading: t(meeting ? 'meeting.form.editTitle' : 'meeting.form.title'),
    error: error ?? '',
    networkId,
    meetingId: meeting?.meetingId ?? '',
    values: { ...current, ...values },
    labels: {
      title: t('meeting.form.name'),
      titleRequired: t('meeting.form.nameRequired'),
      when: t('meeting.form.when'),
      whenPlaceholder: t('meeting.form.whenPlaceholder'),
      whenRequired: t('meeting.form.whenRequired'),
      mode: t('meeting.form.mode'),
      digital: t('meeting.form.digital'),
      physical: t('meeting.form.physical'),
      joinUrl: t('meeting.form.joinUrl'),
      place: t('meeting.form.place'),
      agenda: t('meeting.form.agenda'),
      agendaHelp: t('meeting.form.agendaHelp'),
      save: t('meeting.form.save'),
      held: t('meeting.form.held'),
    },
  });
}
