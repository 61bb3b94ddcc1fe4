import { z } from 'zod';
import template from '../../adaptiveCards/minutes.json';
import type { MinutesVersion } from '../domain/minutes-version';
import { minutesWords } from '../minutes/minutes-words';
import { minutesCardBody } from './minutes-card-body';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const MINUTES_VERBS = {
  approve: 'minutes.approve',
  links: 'minutes.links',
  open: 'minutes.open',
} as const;

const minutesRef = {
  networkId: z.string().min(1).max(100),
  meetingId: z.string().uuid(),
  version: z.coerce.number().int().min(1).max(10_000),
};
export const minutesLinksSchema = z.object(minutesRef).strict();
export const minutesApproveSchema = z.object({ ...minutesRef, etag: z.string().min(1).max(200) }).strict();

/**
 * The minutes in the chat: heading, draft or approved, counts, the minutes (cut when long, the whole in the files) and
 * links to the Word and Markdown files, signed and short-lived; "New links" gives fresh ones.
 */
export function renderMinutesCard(view: {
  /** `summary`: what everyone in the chat may see of a draft (counts and a button); `full`: the text and files. */
  shows: 'summary' | 'full';
  version: MinutesVersion;
  etag: string;
  links: { docx: string; md: string };
  approvedByName?: string;
  notice?: { text: string; good: boolean };
}): AdaptiveCardJson {
  const { minutes, language } = view.version;
  const w = minutesWords(language);
  const { t } = w;
  const present =
    minutes.present.reduce((sum, group) => sum + group.people.length, 0) + minutes.guests.length;
  const all = [...minutes.items, minutes.other];
  const count = (pick: (item: (typeof all)[number]) => unknown[]) =>
    all.reduce((sum, i) => sum + pick(i).length, 0);
  const draft = view.version.status === 'draft';
  const full = view.shows === 'full';
  const { elements, truncated } = full
    ? minutesCardBody(minutes, language)
    : { elements: [], truncated: false };
  const card = renderTemplate(template, {
    notice: view.notice?.text ?? '',
    noticeColor: view.notice?.good ? 'Good' : 'Attention',
    heading: t('minutes.cardHeading', { title: minutes.meetingTitle, date: w.date(minutes.date) }),
    status: draft
      ? t('minutes.draftStatus', { version: view.version.version })
      : t('minutes.approvedStatus', { version: view.version.version, name: view.approvedByName ?? '' }),
    facts: [
      { title: t('minutes.factPresent'), value: String(present) },
      { title: t('minutes.factDecisions'), value: String(count((i) => i.decisions)) },
      { title: t('minutes.factFollowUps'), value: String(count((i) => i.followUps)) },
    ],
    truncated,
    truncatedText: t('minutes.truncated'),
    links: view.links,
    draft,
    full,
    networkId: view.version.networkId,
    meetingId: view.version.meetingId,
    version: String(view.version.version),
    etag: view.etag,
    labels: {
      word: t('minutes.word'),
      markdown: t('minutes.markdown'),
      newLinks: t('minutes.newLinks'),
      approve: t('minutes.approve'),
      open: t(draft ? 'minutes.openDraft' : 'minutes.open'),
    },
  });
  // The minutes themselves are built from elements (headings, lists, sections per item, decisions set apart), not
  // one Markdown block; the template holds their place.
  const body = (card.body as { id?: string; items?: unknown[] }[] | undefined)?.find(
    (e) => e.id === 'minutesBody',
  );
  if (body) body.items = elements;
  return card;
}
