import { parsePresenters, presentersLine, type PresenterReading } from './presenters';
import { minutesOf, type LocalTime } from './when/local-date';

/** One numbered point of a meeting's agenda, as in the networks' minutes: "3. Nära vård (bilder finns)". */
export interface AgendaItem {
  title: string;
  presenters: string[];
  /** People who attend only for this item. */
  guests: string[];
  slides: boolean;
  minutes?: number;
  /** Sub-topics ("2a", "2b", or indented lines), each with its own presenters; decisions may go on them. */
  subItems?: SubItem[];
}

export interface SubItem {
  /** "a", "b", …: written "punkt 2b". */
  label: string;
  title: string;
  presenters: string[];
}

export const AGENDA_MAX_ITEMS = 30;
export const AGENDA_TITLE_MAX = 200;

const SLIDES = /\((?:bilder(?: finns)?|slides)\)/i;
const GUESTS = /\b(?:gäster|gäst|guests?)\s*:\s*([^()]+?)(?=\s*\(|$)/i;
const MINUTES = /\b(\d{1,3})\s*min(?:uter|utes)?\b\.?/i;
const NUMBERING = /^\s*(?:\d+[.)]|[-*•])\s*/;
/** "2a. Titel", "2 b) Titel": a sub-item of item 2, lettered. */
const SUB_NUMBERED = /^\s*\d{1,2}\s?([a-h])[.):]?\s+/;
/** An indented line, maybe "a)" or a dash: a sub-item of the item above it when indented further than that. */
const SUB_INDENTED = /^([ \t]+)(?:([a-h])[.)]\s*|[-*•]\s*)?/;
const indentOf = (line: string): number => (/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length;
/** A spaced dash separates the title from the presenters; a dash inside a word ("hälso- och") does not. */
const PRESENTER_SEPARATOR = /(?:^|\s+)[–—-]\s+/;

const people = (text: string): string[] =>
  text
    .split(/,|\boch\b|\band\b/)
    .map((name) => name.trim())
    .filter(Boolean);

export type AgendaLineProblem = { line: number; problem: 'emptyTitle' | 'titleTooLong' | 'tooManyItems' };

/** Title and presenters of one line, the rest already taken out. */
function titleAndPresenters(line: string, known: readonly string[], unsure: PresenterReading['unsure']) {
  const [title = '', ...rest] = line.split(PRESENTER_SEPARATOR);
  const reading = parsePresenters(rest.join(' - '), known);
  unsure.push(...reading.unsure);
  return { title: title.trim(), presenters: reading.presenters };
}

/**
 * Reads the agenda as typed in the meeting form, one item per line:
 * `Aktuellt läge – Lena Holmlund, Sara Nordenhielm (bilder) gäster: Anna Haglund 20 min`.
 * Numbering and blank lines are ignored; the order of the lines is the order of the items. A line numbered "2a"
 * or indented under an item is a sub-item of it. Presenters may carry their organisation ("Namn, Org och Namn
 * Org"); `knownOrganisations` (the roster's, the network's) are never read as people, and what could be either is
 * listed in `unsure` for the chair to confirm.
 */
export function parseAgendaLines(
  text: string,
  knownOrganisations: readonly string[] = [],
): { items: AgendaItem[]; problems: AgendaLineProblem[]; unsure: PresenterReading['unsure'] } {
  const items: AgendaItem[] = [];
  const problems: AgendaLineProblem[] = [];
  const unsure: PresenterReading['unsure'] = [];
  const lines = text.split(/\r?\n/);
  let parentIndent = 0;
  lines.forEach((raw, index) => {
    const parent = items[items.length - 1];
    const numbered = parent && raw.trim() ? SUB_NUMBERED.exec(raw) : null;
    const indented =
      parent && raw.trim() && indentOf(raw) >= parentIndent + 2 ? SUB_INDENTED.exec(raw) : null;
    const sub = numbered
      ? { whole: numbered[0], label: numbered[1] }
      : indented
        ? { whole: indented[0], label: indented[2] }
        : undefined;
    if (parent && sub) {
      const subItems = parent.subItems ?? [];
      const read = titleAndPresenters(raw.slice(sub.whole.length).trim(), knownOrganisations, unsure);
      if (!read.title) problems.push({ line: index + 1, problem: 'emptyTitle' });
      else if (read.title.length > AGENDA_TITLE_MAX)
        problems.push({ line: index + 1, problem: 'titleTooLong' });
      else
        parent.subItems = [
          ...subItems,
          { label: sub.label ?? String.fromCharCode(97 + subItems.length), ...read },
        ];
      return;
    }
    parentIndent = indentOf(raw);
    let line = raw.replace(NUMBERING, '').trim();
    if (!line) return;
    const slides = SLIDES.test(line);
    line = line.replace(SLIDES, ' ');
    const minutes = MINUTES.exec(line);
    line = line.replace(MINUTES, ' ');
    const guests = GUESTS.exec(line.trim());
    line = line.trim().replace(GUESTS, ' ').replace(/\s+/g, ' ').trim();
    const { title, presenters } = titleAndPresenters(line, knownOrganisations, unsure);
    const item: AgendaItem = {
      title,
      presenters,
      guests: guests ? people(guests[1] ?? '') : [],
      slides,
      ...(minutes ? { minutes: Number(minutes[1]) } : {}),
    };
    if (!item.title) problems.push({ line: index + 1, problem: 'emptyTitle' });
    else if (item.title.length > AGENDA_TITLE_MAX)
      problems.push({ line: index + 1, problem: 'titleTooLong' });
    else items.push(item);
  });
  if (items.length > AGENDA_MAX_ITEMS) problems.push({ line: lines.length, problem: 'tooManyItems' });
  return { items, problems, unsure };
}

/** The line an item is edited as: parseAgendaLines(formatAgendaLine(item)) gives the item back. */
export function formatAgendaLine(item: AgendaItem, language: 'sv' | 'en'): string {
  const parts = [item.title];
  if (item.presenters.length) parts.push(`– ${presentersLine(item.presenters)}`);
  if (item.slides) parts.push(language === 'sv' ? '(bilder)' : '(slides)');
  if (item.guests.length) parts.push(`${language === 'sv' ? 'gäster' : 'guests'}: ${item.guests.join(', ')}`);
  if (item.minutes) parts.push(`${item.minutes} min`);
  const subLines = (item.subItems ?? []).map(
    (sub) =>
      `  ${sub.label}) ${sub.title}${sub.presenters.length ? ` – ${presentersLine(sub.presenters)}` : ''}`,
  );
  return [parts.join(' '), ...subLines].join('\n');
}

/**
 * Each item's start (and end, when it has a duration) counted from the meeting's start: "20 min" items one after
 * another. Counting stops at the first item without a duration, whose start is still known but not its end.
 */
export function itemTimes(
  items: AgendaItem[],
  start: LocalTime,
): ({ start: LocalTime; end?: LocalTime } | undefined)[] {
  let clock: number | undefined = minutesOf(start);
  const at = (minute: number): LocalTime => ({ hour: Math.floor(minute / 60) % 24, minute: minute % 60 });
  return items.map((item) => {
    if (clock === undefined) return undefined;
    const from = clock;
    clock = item.minutes ? from + item.minutes : undefined;
    return clock === undefined ? { start: at(from) } : { start: at(from), end: at(clock) };
  });
}
