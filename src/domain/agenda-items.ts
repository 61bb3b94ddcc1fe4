import { minutesOf, type LocalTime } from './when/local-date';

/** One numbered point of a meeting's agenda, as in the networks' minutes: "3. Nära vård (bilder finns)". */
export interface AgendaItem {
  title: string;
  presenters: string[];
  /** People who attend only for this item. */
  guests: string[];
  slides: boolean;
  minutes?: number;
}

export const AGENDA_MAX_ITEMS = 30;
export const AGENDA_TITLE_MAX = 200;

const SLIDES = /\((?:bilder(?: finns)?|slides)\)/i;
const GUESTS = /\b(?:gäster|gäst|guests?)\s*:\s*([^()]+?)(?=\s*\(|$)/i;
const MINUTES = /\b(\d{1,3})\s*min(?:uter|utes)?\b\.?/i;
const NUMBERING = /^\s*(?:\d+[.)]|[-*•])\s*/;
/** A spaced dash separates the title from the presenters; a dash inside a word ("hälso- och") does not. */
const PRESENTER_SEPARATOR = /(?:^|\s+)[–—-]\s+/;

const people = (text: string): string[] =>
  text
    .split(/,|\boch\b|\band\b/)
    .map((name) => name.trim())
    .filter(Boolean);

export type AgendaLineProblem = { line: number; problem: 'emptyTitle' | 'titleTooLong' | 'tooManyItems' };

/**
 * Reads the agenda as typed in the meeting form, one item per line:
 * `Aktuellt läge – Lena Holmlund, Sara Nordenhielm (bilder) gäster: Anna Haglund 20 min`.
 * Numbering and blank lines are ignored; the order of the lines is the order of the items.
 */
export function parseAgendaLines(text: string): { items: AgendaItem[]; problems: AgendaLineProblem[] } {
  const items: AgendaItem[] = [];
  const problems: AgendaLineProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    let line = raw.replace(NUMBERING, '').trim();
    if (!line) return;
    const slides = SLIDES.test(line);
    line = line.replace(SLIDES, ' ');
    const minutes = MINUTES.exec(line);
    line = line.replace(MINUTES, ' ');
    const guests = GUESTS.exec(line.trim());
    line = line.trim().replace(GUESTS, ' ').replace(/\s+/g, ' ').trim();
    const [title = '', ...rest] = line.split(PRESENTER_SEPARATOR);
    const item: AgendaItem = {
      title: title.trim(),
      presenters: people(rest.join(' - ')),
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
  return { items, problems };
}

/** The line an item is edited as: parseAgendaLines(formatAgendaLine(item)) gives the item back. */
export function formatAgendaLine(item: AgendaItem, language: 'sv' | 'en'): string {
  const parts = [item.title];
  if (item.presenters.length) parts.push(`– ${item.presenters.join(', ')}`);
  if (item.slides) parts.push(language === 'sv' ? '(bilder)' : '(slides)');
  if (item.guests.length) parts.push(`${language === 'sv' ? 'gäster' : 'guests'}: ${item.guests.join(', ')}`);
  if (item.minutes) parts.push(`${item.minutes} min`);
  return parts.join(' ');
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
