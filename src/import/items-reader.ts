import { parsePresenters } from '../domain/presenters';
import type { ImportedItem, ImportedPresenter } from './imported-minutes';
import type { MinutesLine } from './minutes-lines';

const SLIDES = /\s*\((?:bilder finns|bildspel finns|bildspel|bilder|slides)\)\s*/i;
/** "1. Titel", "2) Titel", "§ 3 Titel", "Punkt 4: Titel": a numbered item, its number and title. */
const NUMBERED = /^(?:(?:§\s*|punkt\s+)(\d{1,2})[.:)]?|(\d{1,2})[.)])\s+(.+)$/i;
const numberOf = (text: string): number | undefined => {
  const match = NUMBERED.exec(text);
  return match ? Number(match[1] ?? match[2]) : undefined;
};
const SUB_LETTERED = /^(?:\d{1,2}\s?)?([a-h])[.)]\s+(.+)$/;
/** "… vad innebär detta? Katarina Storm-Åsell, utredare, SKR": a presenter with organisation ending the title line. */
const NAME = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
const TRAILING_PRESENTER = new RegExp(
  String.raw`^(.+?[?:.!)]?)\s+(${NAME}(?: ${NAME})+(?:(?:,| och| and) [^,]+)*,\s*[^,]+)$`,
  'u',
);

/** A paragraph of the minutes: its lines joined (a line broken by Word's text export continues in lower case). */
export interface Paragraph {
  text: string;
  line: MinutesLine;
  index: number;
}

export function paragraphsOf(lines: MinutesLine[], from: number): Paragraph[] {
  const out: Paragraph[] = [];
  let blank = false;
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!line.text) {
      blank = true;
      continue;
    }
    const last = out[out.length - 1];
    const continues =
      last &&
      !last.line.heading &&
      !last.line.bold &&
      !line.heading &&
      !line.bullet &&
      !/[.!?:]$/.test(last.text) &&
      !SUB_LETTERED.test(line.text) &&
      /^\p{Ll}/u.test(line.text);
    if (continues) last.text = `${last.text} ${line.text}`;
    else out.push({ text: line.text, line, index: i });
    blank = false;
  }
  void blank;
  return out;
}

const presentersOf = (text: string, known: readonly string[]): ImportedPresenter[] =>
  parsePresenters(text, known).presenters.map((p) => {
    const parts = p.split(', ');
    return parts.length > 1
      ? { name: parts[0]!, organisation: parts[parts.length - 1]! }
      : { name: p, organisation: null };
  });

/** An item's heading: its title, presenters (after a dash, after the bold title, or ending the line) and slides. */
export function itemOf(
  text: string,
  number: number | null,
  known: readonly string[],
  lead: string | null,
): ImportedItem {
  const slides = SLIDES.test(text);
  let title = text.replace(SLIDES, ' ').replace(/\s+/g, ' ').trim();
  let presenters: ImportedPresenter[] = [];
  const dash = /\s[–—-]\s/.exec(title);
  const trailing = TRAILING_PRESENTER.exec(title);
  const afterDash = dash ? presentersOf(title.slice(dash.index + dash[0].length), known) : [];
  if (
    lead &&
    title.startsWith(lead) &&
    title.length > lead.length + 2 &&
    !/^[.:]/.test(title.slice(lead.length))
  ) {
    presenters = presentersOf(title.slice(lead.length).replace(/^[\s,–—-]+/, ''), known);
    title = lead.replace(SLIDES, '').trim();
  } else if (trailing && /[,]/.test(trailing[2]!)) {
    // "Titel – vad innebär det? Namn, titel, Org": the presenter ends the line, with the title's own dash kept.
    presenters = presentersOf(trailing[2]!, known)
      .slice(0, 1)
      .concat(
        presentersOf(trailing[2]!, known)
          .slice(1)
          .filter((p) => p.name.split(' ').length >= 2),
      );
    title = trailing[1]!.trim();
  } else if (dash && afterDash.length && afterDash.every((p) => /^\p{Lu}/u.test(p.name))) {
    presenters = afterDash;
    title = title.slice(0, dash.index).trim();
  }
  return { number, title: title.replace(/[\s,:;–-]+$/, ''), presenters, slides, subItems: [] };
}

/**
 * Where each item starts: numbered headings ("### 1. Titel", "**2. Titel**", "3. Titel") counted on from 1; where
 * none are numbered, headings and bold lines. A numbered list inside a note (long lines, ending in a full stop) is
 * not an item. Deeper headings, or lettered bold lines, under an item are its sub-items.
 */
export function itemStarts(paragraphs: Paragraph[]): { at: number; number: number | null; sub: boolean }[] {
  // A title line ending with its presenter and organisation ("…, Maria Ljung, GR") marks an item too.
  const marked = (p: Paragraph) =>
    p.line.heading > 0 ||
    p.line.bold ||
    (!p.line.bullet && p.line.lead !== null && p.text.length <= 160) ||
    (!p.line.bullet && (TRAILING_PRESENTER.exec(p.text)?.[2] ?? '').includes(','));
  const numbered = paragraphs.filter((p) => NUMBERED.test(p.text));
  // Where numbered titles are set as headings or in bold, a plain numbered line is a list in a note.
  const formatted = (p: Paragraph) => p.line.heading > 0 || p.line.bold;
  const anyMarkedNumbered = numbered.some(formatted);
  const starts: { at: number; number: number | null; sub: boolean }[] = [];
  let expected = 1;
  let itemLevel = 0;
  paragraphs.forEach((p, at) => {
    const number = numberOf(p.text);
    const titleLike = p.text.length <= 160 && !/\.$/.test(p.text);
    if (number === expected && titleLike && (!anyMarkedNumbered || formatted(p)) && !p.line.bullet) {
      starts.push({ at, number: expected, sub: false });
      expected += 1;
      itemLevel = p.line.heading;
      return;
    }
    if (!starts.length && !numbered.length && marked(p) && titleLike) {
      starts.push({ at, number: null, sub: false });
      itemLevel = p.line.heading;
      return;
    }
    if (starts.length) {
      const deeper = titleLike && p.line.heading > 0 && itemLevel > 0 && p.line.heading > itemLevel;
      // "a) **Skyddad titel.**": a lettered bold line, its own full stop allowed.
      const numberedSub = /^\d{1,2}\s?[a-h][.)]\s/.test(p.text);
      const lettered =
        p.text.length <= 160 &&
        SUB_LETTERED.test(p.text) &&
        (numberedSub || p.line.bold || p.line.lead !== null);
      if (deeper || (lettered && !p.line.bullet)) starts.push({ at, number: null, sub: true });
      else if (titleLike && !numbered.length && marked(p)) starts.push({ at, number: null, sub: false });
    }
  });
  return starts;
}

export const subTitle = (text: string): string => text.replace(SUB_LETTERED, '$2');
export const numberedTitle = (text: string): string => NUMBERED.exec(text)?.[3] ?? text;
