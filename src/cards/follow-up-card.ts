import { DateTime } from 'luxon';
import { z } from 'zod';
import template from '../../adaptiveCards/follow-up.json';
import type { FollowUp } from '../domain/follow-up';
import type { Language } from '../domain/language';
import type { Meeting } from '../domain/meeting';
import type { RosterMember } from '../domain/roster';
import { formatDay } from '../i18n/format-when';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const FOLLOW_UP_VERBS = {
  done: 'followUp.done',
  postpone: 'followUp.postpone',
  reassign: 'followUp.reassign',
} as const;

/** The card names the version it showed (`revision`): a change based on an older one is refused, never lost. */
const followUpRef = z.object({
  networkId: z.string().min(1).max(100),
  followUpId: z.string().uuid(),
  revision: z.number().int().min(0),
});
export const followUpDoneSchema = followUpRef.strict();
export const followUpPostponeSchema = followUpRef
  .extend({ due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
  .strict();
/** `member:<Teams user id>` or `org:<organisation>`, from the card's list. */
export const followUpReassignSchema = followUpRef
  .extend({ owner: z.string().regex(/^(member|org):.{1,200}$/) })
  .strict();

/** A follow-up's owner as written in lists and minutes: "Sara Nordenhielm", "GR", "Eva Ström, Kungälv". */
export function ownerText(owner: FollowUp['owner']): string {
  return owner.kind === 'person' && owner.organisation ? `${owner.name}, ${owner.organisation}` : owner.name;
}

export const formatDue = (due: string, language: Language): string =>
  formatDay(DateTime.fromISO(due).toObject() as { year: number; month: number; day: number }, language);

/** What a posted reminder card carries for its key `<followUpId>@<due instant>`. */
export const reminderMarker = (key: string): string => `reminder-${key}`;

const mentionText = (name: string): string => `<at>${name}</at>`;

/**
 * The follow-up with its owner @mentioned (Teams notifies a mentioned member), deadline, meeting and item, and for
 * open ones Done, Change date and Reassign.
 */
export function renderFollowUpCard(view: {
  language: Language;
  timeZone: string;
  followUp: FollowUp;
  meeting?: Meeting;
  /** Who it can be given to instead: the network's members and organisations. */
  roster: RosterMember[];
  notice?: string;
  /** A reminder's first line: "Påminnelse: i dag är sista dagen". */
  lead?: string;
  /** The reminder's key, carried as the lead's element id: a posted reminder can be recognised by it. */
  reminderKey?: string;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  const { followUp, meeting } = view;
  const { owner } = followUp;
  const itemTitle = followUp.item !== undefined ? meeting?.items[followUp.item - 1]?.title : undefined;
  const who = owner.kind === 'member' ? mentionText(owner.name) : ownerText(owner);
  const lastDone = [...followUp.changes].reverse().find((change) => change.kind === 'done');
  const organisations = [
    ...new Set(view.roster.flatMap((m) => (m.status === 'member' && m.organisation ? [m.organisation] : []))),
  ].sort((a, b) => a.localeCompare(b, 'sv'));
  const card = renderTemplate(template, {
    notice: view.notice ?? '',
    lead: view.lead ?? '',
    leadId: view.reminderKey ? reminderMarker(view.reminderKey) : 'lead',
    heading:
      followUp.item !== undefined
        ? t('followUp.headingItem', { item: followUp.item, itemTitle: itemTitle ?? '' })
        : t('followUp.heading'),
    // Teams renders a mention highlighted already; Markdown around `<at>` would risk breaking it.
    ownerAndText: `${owner.kind === 'member' ? who : `**${who}**`}: ${followUp.text}`,
    facts: [
      {
        title: t('followUp.due'),
        value: followUp.due ? formatDue(followUp.due, view.language) : t('followUp.noDue'),
      },
      ...(meeting
        ? [
            {
              title: t('followUp.meeting'),
              value: `${meeting.title}, ${formatDay(meeting.date, view.language)}`,
            },
          ]
        : []),
    ],
    done: followUp.status === 'done',
    doneText: lastDone
      ? t('followUp.doneOn', {
          when: formatDue(
            DateTime.fromISO(lastDone.at, { zone: view.timeZone }).toISODate() ?? '',
            view.language,
          ),
        })
      : '',
    due: followUp.due ?? '',
    owners: [
      ...view.roster
        .filter((m) => m.status === 'member' && !m.guest)
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
        .map((m) => ({
          title: m.organisation ? `${m.name}, ${m.organisation}` : m.name,
          value: `member:${m.userId}`,
        })),
      ...organisations.map((name) => ({ title: name, value: `org:${name}` })),
    ],
    networkId: followUp.networkId,
    followUpId: followUp.followUpId,
    revision: followUp.revision ?? 0,
    labels: {
      done: t('followUp.markDone'),
      postpone: t('followUp.postpone'),
      reassign: t('followUp.reassign'),
      newDate: t('followUp.newDate'),
      dateRequired: t('followUp.dateRequired'),
      newOwner: t('followUp.newOwner'),
      ownerRequired: t('followUp.ownerRequired'),
      save: t('decision.save'),
    },
  });
  return owner.kind === 'member'
    ? {
        ...card,
        msteams: {
          entities: [
            {
              type: 'mention',
              text: mentionText(owner.name),
              mentioned: { id: owner.userId, name: owner.name },
            },
          ],
        },
      }
    : card;
}
