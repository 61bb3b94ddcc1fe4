import MiniSearch from 'minisearch';
import { isoDate } from '../domain/when/local-date';
import type { Language } from '../domain/language';
import { plainText, parseRichText, type Run } from '../domain/rich-text';
import type { SearchContent } from '../storage/search-source';
import type { SearchQuery } from './search-query';
import { indexedTerm, searchTerm } from './search-terms';

export type HitKind = 'decision' | 'followUp' | 'note' | 'item';

interface SearchDocument {
  id: string;
  kind: HitKind;
  meetingId: string;
  meetingTitle: string;
  /** yyyy-mm-dd */
  date: string;
  startsAt: string;
  item?: number;
  itemTitle?: string;
  text: string;
  /** Notes of a meeting whose minutes are not approved are the chairs' and the secretary's draft. */
  draft: boolean;
  followUp?: { open: boolean; owner: string };
  /** A follow-up's owner, searchable by name ("Saras uppgifter"). */
  owner?: string;
}

export interface SearchHit extends Omit<SearchDocument, 'id' | 'draft'> {
  score: number;
  /** A short piece of the text around the first match, the matched words in bold. */
  excerpt: Run[];
}

const EXCERPT = 160;
const KIND_WEIGHT: Record<HitKind, number> = { decision: 1.6, followUp: 1.3, note: 1, item: 0.8 };
const WORD = /[\p{L}\p{N}]+/gu;

/** One network's decisions, notes, follow-ups and agenda items, searchable in its language (MiniSearch). */
export class NetworkIndex {
  private readonly documents = new Map<string, SearchDocument>();
  private readonly engine: MiniSearch<SearchDocument>;
  readonly size: number;

  constructor(
    content: SearchContent,
    private readonly language: Language,
    retentionCutoff?: Date,
  ) {
    const term = indexedTerm(language);
    this.engine = new MiniSearch<SearchDocument>({
      // The text and a follow-up's owner only: an agenda item is its own document, so its title is found as such,
      // and indexing every record's item and meeting title again doubled the index's memory.
      fields: ['text', 'owner'],
      processTerm: (word) => term(word),
    });
    const meetings = new Map(
      content.meetings
        .filter((m) => m.status !== 'cancelled')
        // Meetings past the network's retention are not found, even before the sweep has deleted them.
        .filter((m) => !retentionCutoff || (m.endedAt ?? m.endsAt) >= retentionCutoff.toISOString())
        .map((m) => [m.meetingId, m]),
    );
    const base = (meetingId: string, item: number | undefined) => {
      const meeting = meetings.get(meetingId);
      if (!meeting) return undefined;
      const itemTitle = item !== undefined ? meeting.items[item - 1]?.title : undefined;
      return {
        meetingId,
        meetingTitle: meeting.title,
        date: isoDate(meeting.date),
        startsAt: meeting.startsAt,
        ...(item !== undefined ? { item } : {}),
        ...(itemTitle ? { itemTitle } : {}),
        draft: !meeting.minutesApprovedAt,
      };
    };
    const add = (id: string, doc: Omit<SearchDocument, 'id'> | undefined) => {
      if (doc) this.documents.set(id, { id, ...doc });
    };
    for (const meeting of meetings.values())
      meeting.items.forEach((item, index) => {
        const at = base(meeting.meetingId, index + 1);
        if (at)
          add(`item:${meeting.meetingId}:${index}`, { ...at, kind: 'item', text: item.title, draft: false });
      });
    for (const d of content.decisions.filter((d) => d.status === 'active')) {
      const at = base(d.meetingId, d.item);
      if (at)
        add(`decision:${d.meetingId}:${d.number}`, {
          ...at,
          kind: 'decision',
          text: plainText(d.body ?? parseRichText(d.text)),
          draft: false,
        });
    }
    for (const n of content.notes) {
      const at = base(n.meetingId, n.item);
      if (at)
        add(`note:${n.meetingId}:${n.noteId}`, {
          ...at,
          kind: 'note',
          text: plainText(n.body ?? parseRichText(n.text)),
        });
    }
    for (const f of content.followUps) {
      const at = base(f.meetingId, f.item);
      if (at)
        add(`followUp:${f.followUpId}`, {
          ...at,
          kind: 'followUp',
          text: f.text,
          draft: false,
          followUp: { open: f.status === 'open', owner: f.owner.name },
          owner: f.owner.name,
        });
    }
    this.engine.addAll([...this.documents.values()]);
    this.size = this.documents.size;
  }

  /**
   * The best matches first, recent ones ahead among equals. A word's inflections and its compounds' first part
   * match ("kompetens" finds "kompetensförsörjning"), and a typo is forgiven in words of five letters or more.
   */
  search(query: SearchQuery, options: { drafts: boolean }): SearchHit[] {
    if (!query.words.length) return [];
    const found = this.engine.search(query.words.join(' '), {
      prefix: (word) => word.length >= 3,
      fuzzy: (word) => (word.length >= 5 ? 1 : false),
      combineWith: 'AND',
      // What the network decided is what it searches for most; notes and agenda titles after.
      boostDocument: (id) => KIND_WEIGHT[this.documents.get(String(id))?.kind ?? 'note'],
      filter: (result) => {
        const doc = this.documents.get(String(result.id));
        if (!doc || (doc.draft && !options.drafts)) return false;
        if (query.kinds && !query.kinds.includes(doc.kind as 'decision' | 'followUp')) return false;
        if (query.open && !doc.followUp?.open) return false;
        if (query.year && !doc.date.startsWith(String(query.year))) return false;
        return !query.since || doc.date >= query.since;
      },
    });
    const rounded = (score: number) => Math.round(score * 10) / 10;
    return found
      .map((result) => ({ result, doc: this.documents.get(String(result.id))! }))
      .sort(
        (a, b) =>
          rounded(b.result.score) - rounded(a.result.score) || b.doc.startsAt.localeCompare(a.doc.startsAt),
      )
      .map(({ result, doc }) => {
        const { id: _id, draft: _draft, owner: _owner, ...hit } = doc;
        return { ...hit, score: result.score, excerpt: this.excerpt(doc.text, new Set(result.terms)) };
      });
  }

  /** The text around its first matched word, matched words bold. */
  private excerpt(text: string, terms: Set<string>): Run[] {
    const term = searchTerm(this.language);
    const words = [...text.matchAll(WORD)].map((m) => ({
      at: m.index,
      end: m.index + m[0].length,
      hit: terms.has(term(m[0])),
    }));
    const first = words.find((w) => w.hit)?.at ?? 0;
    // From the start of a word some forty characters before the first match.
    const from = first <= 60 ? 0 : (words.find((w) => w.at >= first - 40)?.at ?? 0);
    const to = Math.min(text.length, from + EXCERPT);
    const runs: Run[] = [];
    let at = from;
    for (const word of words.filter((w) => w.hit && w.at >= from && w.end <= to)) {
      if (word.at > at) runs.push({ text: text.slice(at, word.at) });
      runs.push({ text: text.slice(word.at, word.end), bold: true });
      at = word.end;
    }
    if (at < to) runs.push({ text: text.slice(at, to) });
    if (from > 0) runs.unshift({ text: '…' });
    if (to < text.length) runs.push({ text: '…' });
    return runs;
  }
}
