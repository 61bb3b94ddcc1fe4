import { z } from 'zod';
import template from '../../adaptiveCards/joiner.json';
import type { Language } from '../domain/language';
import { ORGANISATION_MAX } from '../domain/roster';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const JOINER_VERBS = { include: 'attendance.include', leaveOut: 'attendance.leaveOut' } as const;

/** `person` is the attendance key the card was made for; the server looks the record up again. */
export const joinerIncludeSchema = z
  .object({
    networkId: z.string().min(1).max(100),
    meetingId: z.string().uuid(),
    person: z.string().min(1).max(300),
    organisation: z.string().trim().max(ORGANISATION_MAX).optional(),
    items: z.string().max(100).optional(),
  })
  .strict();
export const joinerLeaveOutSchema = joinerIncludeSchema
  .pick({ networkId: true, meetingId: true, person: true })
  .strict();

/**
 * Someone who joined the Teams call but is neither on the roster nor on the agenda: include them in the minutes
 * (with their organisation and the items they were there for) or leave them out. `done` says what was chosen.
 */
export function renderJoinerCard(view: {
  language: Language;
  networkId: string;
  meetingId: string;
  person: { key: string; name: string };
  done?: string;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  return renderTemplate(template, {
    notice: view.done ?? '',
    open: view.done === undefined,
    title: t('joiner.title', { name: view.person.name }),
    intro: t('joiner.intro'),
    networkId: view.networkId,
    meetingId: view.meetingId,
    person: view.person.key,
    labels: {
      organisation: t('joiner.organisation'),
      items: t('joiner.items'),
      itemsPlaceholder: t('attendance.guestItemsPlaceholder'),
      include: t('joiner.include'),
      leaveOut: t('joiner.leaveOut'),
    },
  });
}
