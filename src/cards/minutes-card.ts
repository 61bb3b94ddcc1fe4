import { z } from 'zod';
import template from '../../adaptiveCards/minutes.json';
import type { MinutesVersion } from '../domain/minutes-version';
import { minutesWords } from '../minutes/minutes-words';
import { renderMinutesMarkdown } from '../minutes/minutes-markdown';
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

/** Cards stay far below Teams' message size limit: longer minutes are cut here and read whole in the file. */
export const CARD_TEXT_MAX = 12_000;

/** Adaptive Card TextBlocks know bold, italics and lists but not Markdown headings: headings become bold lines. */
function cardMarkdown(markdown: string): { text: string; truncated: boolean } {
  const text = markdown
    .split('\n')
    .map((line) => line.replace(/^#{1,6} (.*)$/, '**$1**').replace(/ {2}$/, ''))
    .join('\n');
  if (text.length <= CARD_TEXT_MAX) return { text, truncated: false };
  const cut = text.lastIndexOf('\n', CARD_TEXT_MAX);
  return { text: text.slice(0, cut > 0 ? cut : CARD_TEXT_MAX), truncated: true };
}

/**
 * The minutes in the chat: heading, draft or approved, counts, the text (cut when long, the whole in the files) and
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
  const { text, truncated } = cardMarkdown(renderMinutesMarkdown(minutes, language));
  const present =
    minutes.present.reduce((sum, group) => sum + group.people.length, 0) + minutes.guests.length;
  const all = [...minutes.items, minutes.other];
  const count = (pick: (item: (typeof all)[number]) => unknown[]) =>
    all.reduce((sum, i) => sum + pick(i).length, 0);
  const draft = view.version.status === 'draft';
  return renderTemplate(template, {
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
    text,
    truncated,
    truncatedText: t('minutes.truncated'),
    links: view.links,
    draft,
    full: view.shows === 'full',
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
}
