import { z } from 'zod';
import template from '../../adaptiveCards/search-results.json';
import type { Language } from '../domain/language';
import { formatDay } from '../i18n/format-when';
import { createTranslator } from '../i18n/translator';
import { parseDay } from '../domain/when/local-date';
import type { SearchHit } from '../search/network-index';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

export const SEARCH_MORE_VERB = 'search.more';
export const searchMoreSchema = z
  .object({ query: z.string().trim().min(1).max(500), page: z.coerce.number().int().min(1).max(50) })
  .strict();

/** A hit as the card shows it, with its network (the personal chat mixes them) and its minutes' version. */
export interface SearchHitView extends SearchHit {
  networkId: string;
  networkName?: string;
  /** The latest minutes version to open, when the asker may open it here. */
  minutesVersion?: number;
}

/** Up to ten hits: kind, meeting and date, item, an excerpt with the matched words in bold, a follow-up's state. */
export function renderSearchResults(view: {
  language: Language;
  query: string;
  hits: SearchHitView[];
  page: number;
  more: boolean;
}): AdaptiveCardJson {
  const t = createTranslator(view.language);
  return renderTemplate(template, {
    heading: t('search.heading', { query: view.query }),
    hits: view.hits.map((hit) => ({
      label: [
        t(`search.kind.${hit.kind}`),
        ...(hit.followUp
          ? [t(hit.followUp.open ? 'search.open' : 'search.done', { owner: hit.followUp.owner })]
          : []),
      ].join(' · '),
      where: [
        ...(hit.networkName ? [hit.networkName] : []),
        `${hit.meetingTitle}, ${formatDay(parseDay(hit.date), view.language)}`,
        ...(hit.item !== undefined ? [t('search.item', { item: hit.item, title: hit.itemTitle ?? '' })] : []),
      ].join(' · '),
      runs: hit.excerpt.map((run) => ({ text: run.text, weight: run.bold ? 'Bolder' : 'Default' })),
      networkId: hit.networkId,
      meetingId: hit.meetingId,
      open: hit.minutesVersion ? String(hit.minutesVersion) : '',
    })),
    openLabel: t('search.openMinutes'),
    more: view.more,
    moreLabel: t('search.more'),
    query: view.query,
    nextPage: String(view.page + 1),
  });
}
