import { z } from 'zod';
import template from '../../adaptiveCards/decision-offer.json';
import type { Language } from '../domain/language';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const DECISION_OFFER_VERB = 'note.asDecision';

/** Which sentence of which note: the server reads the note again, so the card carries no text of its own. */
export const decisionOfferSchema = z
  .object({
    networkId: z.string().min(1).max(100),
    meetingId: z.string().uuid(),
    noteId: z.string().min(1).max(100),
    sentence: z.coerce.number().int().min(0).max(20),
  })
  .strict();

/** At most this many sentences are offered from one note. */
export const OFFERED_MAX = 3;

/**
 * The answer to a saved note whose sentences read as decisions: each sentence with one button that records it as a
 * decision on the note's item. Nothing is recorded unless she presses.
 */
export function renderDecisionOfferCard(view: {
  language: Language;
  notice: string;
  networkId: string;
  meetingId: string;
  noteId: string;
  sentences: string[];
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  return renderTemplate(template, {
    notice: view.notice,
    intro: t(view.sentences.length === 1 ? 'note.offerOne' : 'note.offerMany'),
    button: t('note.recordAsDecision'),
    networkId: view.networkId,
    meetingId: view.meetingId,
    noteId: view.noteId,
    sentences: view.sentences.slice(0, OFFERED_MAX).map((text, index) => ({ text, index: String(index) })),
  });
}
