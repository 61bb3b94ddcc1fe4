import { z } from 'zod';
import template from '../../adaptiveCards/attendance-correction.json';
import type { Language } from '../domain/language';
import type { Meeting } from '../domain/meeting';
import { ORGANISATION_MAX, PERSON_NAME_MAX } from '../domain/roster';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const ATTENDANCE_VERBS = { correct: 'attendance.correct', addGuest: 'attendance.addGuest' } as const;

const meetingRef = z.object({ networkId: z.string().min(1).max(100), meetingId: z.string().uuid() });
/** `person` is a key from the card's own list; the server looks it up again, so a made-up key changes nothing. */
export const attendanceCorrectSchema = meetingRef
  .extend({ person: z.string().min(1).max(300), presence: z.enum(['present', 'absent']) })
  .strict();
export const attendanceGuestSchema = meetingRef
  .extend({
    name: z.string().trim().min(1).max(PERSON_NAME_MAX),
    organisation: z.string().trim().max(ORGANISATION_MAX).optional(),
    items: z.string().max(100).optional(),
  })
  .strict();

/** For chairs and the secretary: mark someone present or absent, or add a guest for some items. */
export function renderAttendanceCorrectionCard(view: {
  language: Language;
  networkId: string;
  meeting: Meeting;
  /** Everyone who can be marked: roster members and anyone already recorded. */
  people: { key: string; label: string }[];
  notice?: { text: string; good: boolean };
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  return renderTemplate(template, {
    notice: view.notice?.text ?? '',
    noticeColor: view.notice?.good ? 'Good' : 'Attention',
    title: t('attendance.correctTitle', { title: view.meeting.title }),
    intro: t('attendance.correctIntro'),
    people: view.people.map((p) => ({ title: p.label, value: p.key })),
    networkId: view.networkId,
    meetingId: view.meeting.meetingId,
    labels: {
      mark: t('attendance.mark'),
      person: t('attendance.person'),
      personRequired: t('attendance.personRequired'),
      presence: t('attendance.presence'),
      present: t('attendance.markPresent'),
      absent: t('attendance.markAbsent'),
      addGuest: t('attendance.addGuest'),
      guestName: t('attendance.guestName'),
      guestNameRequired: t('attendance.guestNameRequired'),
      organisation: t('attendance.guestOrganisation'),
      items: t('attendance.guestItems'),
      itemsPlaceholder: t('attendance.guestItemsPlaceholder'),
      save: t('decision.save'),
    },
  });
}
