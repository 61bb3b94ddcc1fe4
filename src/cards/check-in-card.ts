import { z } from 'zod';
import template from '../../adaptiveCards/check-in.json';
import type { Language } from '../domain/language';
import type { Meeting } from '../domain/meeting';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const CHECK_IN_VERB = 'attendance.checkIn';

/** Strict: who checks in is the sender, so any user id in the data means an altered card. */
export const checkInSchema = z
  .object({ networkId: z.string().min(1).max(100), meetingId: z.string().uuid() })
  .strict();

export function renderCheckInCard(view: {
  language: Language;
  networkId: string;
  meeting: Meeting;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  return renderTemplate(template, {
    title: t('checkIn.title', { title: view.meeting.title }),
    intro: t('checkIn.intro'),
    button: t('checkIn.button'),
    networkId: view.networkId,
    meetingId: view.meeting.meetingId,
  });
}
