import { z } from 'zod';
import template from '../../adaptiveCards/decision.json';
import { DECISION_TEXT_MAX, type Decision } from '../domain/decision';
import type { Language } from '../domain/language';
import type { Meeting } from '../domain/meeting';
import { parseRichText, type RichText, type Run } from '../domain/rich-text';
import { meetingLabel } from '../i18n/meeting-label';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const DECISION_VERBS = { edit: 'decision.edit', undo: 'decision.undo' } as const;

/** The card names the version it showed (`etag`), so an edit based on an older one is refused, not lost. */
export const decisionRefSchema = z.object({
  networkId: z.string().min(1).max(100),
  meetingId: z.string().uuid(),
  number: z.coerce.number().int().min(1).max(10_000),
  etag: z.string().min(1).max(200),
});

/** Undo carries the reference and nothing else. */
export const decisionUndoSchema = decisionRefSchema.strict();

export const decisionEditSchema = decisionRefSchema
  .extend({ text: z.string().trim().min(1).max(DECISION_TEXT_MAX) })
  .strict();

/** Each paragraph, and each list item with its mark, as one rich text block of runs. */
const decisionParagraphs = (body: RichText) =>
  body.flatMap((block) => {
    const line = (runs: Run[]) => ({
      runs: runs.map((run) => ({ text: run.text, weight: run.bold ? 'Bolder' : 'Default' })),
    });
    return block.kind === 'paragraph'
      ? [line(block.runs)]
      : block.items.map((item, i) =>
          line([{ text: block.kind === 'bullets' ? '• ' : `${i + 1}. ` }, ...item]),
        );
  });

export function renderDecisionCard(view: {
  language: Language;
  meeting: Meeting;
  decision: Decision;
  etag: string;
  notice?: string;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const { decision } = view;
  const agendaItem = decision.item !== undefined ? view.meeting.items[decision.item - 1] : undefined;
  const sub = decision.subItem ? agendaItem?.subItems?.find((s) => s.label === decision.subItem) : undefined;
  const itemTitle = sub?.title ?? agendaItem?.title;
  const undone = decision.status === 'undone';
  // Recorded or corrected after the meeting (or in another than the running one): the heading says which meeting.
  const meeting = view.meeting.status === 'started' ? undefined : meetingLabel(view.meeting, view.language);
  const heading =
    decision.item !== undefined
      ? t(meeting ? 'decision.headingItemIn' : 'decision.headingItem', {
          number: decision.number,
          item: `${decision.item}${sub ? sub.label : ''}`,
          itemTitle: itemTitle ?? '',
          ...(meeting ? { meeting } : {}),
        })
      : t(meeting ? 'decision.headingIn' : 'decision.heading', {
          number: decision.number,
          ...(meeting ? { meeting } : {}),
        });
  return renderTemplate(template, {
    notice: view.notice ?? '',
    heading,
    // Decisions are set apart in italics, as in the minutes; typed text as text runs, never read as Markdown.
    paragraphs: decisionParagraphs(decision.body ?? parseRichText(decision.text)),
    rawText: decision.text,
    undone,
    undoneLabel: t('decision.undone'),
    networkId: decision.networkId,
    meetingId: decision.meetingId,
    number: String(decision.number),
    etag: view.etag,
    labels: {
      edit: t('decision.edit'),
      undo: t('decision.undo'),
      text: t('decision.text'),
      required: t('decision.required'),
      save: t('decision.save'),
    },
  });
}
