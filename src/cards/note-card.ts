import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import template from '../../adaptiveCards/note.json';
import { DECISION_TEXT_MAX } from '../domain/decision';
import type { Language } from '../domain/language';
import type { Meeting } from '../domain/meeting';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const NOTE_VERB = 'note.add';

/**
 * `noteKey` is new on every card shown: a retried or double-pressed Save of the same card stores one note, and the
 * card that comes back has a fresh key for the next note.
 */
export const noteSchema = z
  .object({
    networkId: z.string().min(1).max(100),
    meetingId: z.string().uuid(),
    noteKey: z.string().uuid(),
    item: z
      .string()
      .regex(/^\d{1,2}$/)
      .optional(),
    text: z.string().trim().min(1).max(DECISION_TEXT_MAX),
  })
  .strict();

/** The secretary's note form: an item (the current one chosen) and free text. */
export function renderNoteCard(view: {
  language: Language;
  networkId: string;
  meeting: Meeting;
  notice?: string;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const { meeting } = view;
  return renderTemplate(template, {
    notice: view.notice ?? '',
    title: t('note.cardTitle', { title: meeting.title }),
    currentItem: String(meeting.currentItem ?? 0),
    items: [
      { title: t('note.noItem'), value: '0' },
      ...meeting.items.map((item, index) => ({
        title: `${index + 1}. ${item.title}`,
        value: String(index + 1),
      })),
    ],
    networkId: view.networkId,
    meetingId: meeting.meetingId,
    noteKey: randomUUID(),
    labels: {
      item: t('note.item'),
      text: t('note.text'),
      required: t('note.required'),
      save: t('decision.save'),
    },
  });
}
