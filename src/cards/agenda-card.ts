import { formatDue, ownerText } from './follow-up-card';
import type { FollowUp } from '../domain/follow-up';
import { z } from 'zod';
import template from '../../adaptiveCards/agenda.json';
import type { Language } from '../domain/language';
import type { Meeting } from '../domain/meeting';
import type { Network } from '../domain/network';
import { RSVP_ANSWERS, type Rsvp, type Tally } from '../domain/rsvp';
import { formatWhen } from '../i18n/format-when';
import { createTranslator, type Translate } from '../i18n/translator';
import { itemTimes } from '../domain/agenda-items';
import { isoTime, type LocalTime } from '../domain/when/local-date';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const RSVP_VERBS = { answer: 'rsvp.answer', view: 'rsvp.view', nudge: 'rsvp.nudge' } as const;

/** Teams refreshes a card for at most 60 listed users (Universal Actions). */
export const REFRESH_USER_LIMIT = 60;

const PERSON_TEXT_MAX = 100;

/**
 * An answer as the agenda card sends it. Strict: the card never carries a user id, so any extra field (another
 * member's id, say) means an altered card.
 */
export const rsvpAnswerSchema = z
  .object({
    networkId: z.string().min(1).max(100),
    meetingId: z.string().uuid(),
    answer: z.enum(RSVP_ANSWERS),
    substituteName: z.string().optional(),
    substituteOrganisation: z.string().optional(),
  })
  .strict();

export const rsvpViewSchema = z
  .object({ networkId: z.string().min(1).max(100), meetingId: z.string().uuid() })
  .strict();

/** A substitute's name and organisation, both required and short; undefined when either is missing. */
export function substituteOf(input: {
  substituteName?: string;
  substituteOrganisation?: string;
}): Rsvp['substitute'] {
  const name = input.substituteName?.trim() ?? '';
  const organisation = input.substituteOrganisation?.trim() ?? '';
  if (!name || !organisation || name.length > PERSON_TEXT_MAX || organisation.length > PERSON_TEXT_MAX)
    return undefined;
  return { name, organisation };
}

export interface AgendaCardView {
  language: Language;
  network: Network;
  meeting: Meeting;
  open: boolean;
  notice?: string;
  /** The person looking at the card; absent for the card posted to everyone. */
  viewer?: { answer?: Rsvp; isChair: boolean };
  /** Shown to chairs only. */
  tally?: Tally;
  refreshUserIds: string[];
  /** Open follow-ups from earlier meetings, reported back on at this one ("Återrapportering"). */
  reportBack?: FollowUp[];
}

/** At most this many report-back lines on the card; the rest are counted. */
const REPORT_BACK_SHOWN = 10;

function reportBackText(
  followUps: FollowUp[],
  t: ReturnType<typeof createTranslator>,
  language: Language,
): string {
  const lines = followUps.slice(0, REPORT_BACK_SHOWN).map(
    (f) =>
      `- ${t('agenda.reportBackLine', {
        owner: ownerText(f.owner),
        text: f.text,
        due: f.due ? t('followUps.due', { date: formatDue(f.due, language) }) : t('followUp.noDue'),
      })}`,
  );
  const more = followUps.length - REPORT_BACK_SHOWN;
  return [...lines, ...(more > 0 ? [t('agenda.reportBackMore', { count: more })] : [])].join('\n');
}

function answerText(view: AgendaCardView, t: ReturnType<typeof createTranslator>): string {
  if (!view.open) return t('rsvp.closed');
  const answer = view.viewer?.answer;
  if (!view.viewer) return t('rsvp.question');
  if (!answer) return t('rsvp.answer.none');
  if (answer.answer === 'substitute' && answer.substitute)
    return t('rsvp.answer.substitute', answer.substitute);
  return t(answer.answer === 'yes' ? 'rsvp.answer.yes' : 'rsvp.answer.no');
}

const timeText = (time: { start: LocalTime; end?: LocalTime } | undefined, t: Translate): string =>
  time?.end
    ? t('agenda.itemTime', { start: isoTime(time.start), end: isoTime(time.end) })
    : time
      ? t('agenda.itemStart', { start: isoTime(time.start) })
      : '';

/** The agenda as the networks write it: numbered items, presenters, "(bilder finns)", guests; and the answers. */
export function renderAgendaCard(view: AgendaCardView): AdaptiveCardJson {
  const { language, network, meeting } = view;
  const t = createTranslator(language);
  const tally = view.tally;
  // Shown only when the chair gave durations ("20 min"): then each item's time is counted from the start.
  const times = meeting.items.some((item) => item.minutes) ? itemTimes(meeting.items, meeting.start) : [];
  const card = renderTemplate(template, {
    notice: view.notice ?? (meeting.status === 'cancelled' ? t('agenda.cancelled') : ''),
    networkName: network.settings.name,
    title: meeting.title,
    when: formatWhen(
      { kind: 'day', date: meeting.date, start: meeting.start, end: meeting.end },
      language,
      t,
    ),
    location:
      meeting.mode === 'digital' ? t('agenda.digital') : t('agenda.place', { place: meeting.place ?? '' }),
    agendaHeading: t('agenda.heading'),
    items: meeting.items.map((item, index) => ({
      // The bare number sits in its own column: "2. Title" (even "2.") in a TextBlock is a Markdown list item.
      number: String(index + 1),
      title: `${item.title}${item.slides ? ` ${t('agenda.slides')}` : ''}`,
      people: [
        timeText(times[index], t),
        item.presenters.join(', '),
        item.guests.length ? t('agenda.guests', { names: item.guests.join(', ') }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
      subItems: (item.subItems ?? []).map((sub) => ({
        text: [`${index + 1}${sub.label}. ${sub.title}`, sub.presenters.join(', ')]
          .filter(Boolean)
          .join(' · '),
      })),
    })),
    reportBackHeading: view.reportBack?.length ? t('agenda.reportBack') : '',
    reportBack: view.reportBack?.length ? reportBackText(view.reportBack, t, language) : '',
    answerText: answerText(view, t),
    tallyHeading: t('rsvp.tallyHeading'),
    tally: tally
      ? t('rsvp.tally', {
          yes: tally.yes,
          no: tally.no,
          substitute: tally.substitute,
          missing: tally.missing,
        })
      : '',
    byOrganisation: (tally?.byOrganisation ?? []).map((row) => ({
      organisation: row.organisation ?? t('rsvp.unknownOrganisation'),
      counts: t('rsvp.tallyLine', { yes: row.yes, no: row.no, substitute: row.substitute }),
    })),
    notAnswered:
      tally && tally.notAnswered.length ? t('rsvp.notAnswered', { names: tally.notAnswered.join(', ') }) : '',
    open: view.open,
    joinUrl: meeting.mode === 'digital' ? (meeting.joinUrl ?? '') : '',
    canEdit: view.open && view.viewer?.isChair === true,
    canNudge: view.open && view.viewer?.isChair === true && (tally?.missing ?? 0) > 0,
    networkId: network.networkId,
    meetingId: meeting.meetingId,
    labels: {
      yes: t('rsvp.yes'),
      no: t('rsvp.no'),
      substitute: t('rsvp.substitute'),
      substituteName: t('rsvp.substituteName'),
      substituteOrganisation: t('rsvp.substituteOrganisation'),
      substituteRequired: t('rsvp.substituteRequired'),
      send: t('rsvp.send'),
      join: t('agenda.join'),
      edit: t('agenda.edit'),
      nudge: t('rsvp.nudge'),
      cancel: t('agenda.cancel'),
    },
  });
  if (view.refreshUserIds.length === 0) return card;
  // Each listed member's Teams client asks for their own view (their answer; the tally for chairs).
  return {
    ...card,
    refresh: {
      action: {
        type: 'Action.Execute',
        verb: RSVP_VERBS.view,
        data: { networkId: network.networkId, meetingId: meeting.meetingId },
      },
      userIds: view.refreshUserIds.slice(0, REFRESH_USER_LIMIT),
    },
  };
}
