import { withoutHiddenMarks } from '../domain/hidden-marks';
import { decisionSentences } from '../domain/decision-sentences';
import { parseRichText } from '../domain/rich-text';
import { readAttendance } from './attendance-reader';
import { deadlineOf, followUpOf, upcomingDate, withoutDeadline } from './follow-up-reader';
import type { ImportedItem, ImportedMinutes } from './imported-minutes';
import { itemOf, itemStarts, numberedTitle, paragraphsOf, subTitle, type Paragraph } from './items-reader';
import { minutesLines } from './minutes-lines';

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augusti: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const pad = (n: number) => String(n).padStart(2, '0');

/** "2020-04-17", "17 april 2020", "20-04-17" (yy-mm-dd, as in "beslutade (20-04-03)" is not taken: needs context). */
function dateIn(text: string): string | undefined {
  const iso = /\b(20\d{2})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  // "14/3 2025": day before month, as Swedes write it.
  const slashed = /\b(\d{1,2})\/(\d{1,2})[ -](20\d{2})\b/.exec(text);
  if (slashed && Number(slashed[2]) <= 12)
    return `${slashed[3]}-${pad(Number(slashed[2]))}-${pad(Number(slashed[1]))}`;
  const written = /\b(\d{1,2})\s+([a-zåäö]+)\.?\s+(20\d{2})\b/i.exec(text);
  const month = written ? MONTHS[written[2]!.toLowerCase()] : undefined;
  return written && month ? `${written[3]}-${pad(month)}-${pad(Number(written[1]))}` : undefined;
}

const CLOSING =
  /^(?:vid anteckningarna|antecknat av|antecknare|sekreterare|minutes taken by|notes taken by)\b[,:]?\s*(.*)$/i;
const UPCOMING =
  /^(?:nästa (?:nätverks)?möte|kommande (?:möten|träffar|aktiviteter)|några kommande aktiviteter|höstens (?:nätverks)?möten|vårens (?:nätverks)?möten|next meeting|upcoming)/i;
const PLACE = /^(?:plats|lokal|place|location)\s*:\s*(.+)$/i;
const DIGITAL = /\b(?:digitalt möte|via teams|teams-möte|digital meeting|teams)\b/i;

/**
 * Reads one set of a network's minutes, as text: the meeting, attendance, items with presenters and sub-items,
 * notes, decisions (italic, or written as decisions), follow-ups with owners and deadlines (read from the meeting's
 * day), who kept them and the coming meetings. It never guesses silently: what it is unsure of is in `warnings`.
 */
export function readMinutes(text: string, options: { zone?: string } = {}): ImportedMinutes {
  const zone = options.zone ?? 'Europe/Stockholm';
  const lines = minutesLines(withoutHiddenMarks(text));
  const warnings: string[] = [];
  const attendance = readAttendance(lines, warnings);
  const head = lines
    .slice(0, attendance.start)
    .map((l) => l.text)
    .filter(Boolean);
  // The date is in the heading, or in Word's running header ("Anteckningar 2020-04-17") wherever it landed.
  const topDate =
    head.map(dateIn).find(Boolean) ??
    lines
      .map((l) =>
        /^(?:anteckningar|minnesanteckningar|protokoll|minutes)\b/i.test(l.text) ? dateIn(l.text) : undefined,
      )
      .find(Boolean);
  const date = topDate ?? null;
  if (!date) warnings.push('Inget datum för mötet hittades; det behöver anges vid importen.');
  // "Socialchefsnätverket, 17 april 2026": the heading line's words before its date are the title.
  const dated = head
    .map((l) =>
      l.replace(/,?\s*(?:den\s+)?(?:\d{1,2}\s+[a-zåäö]+\.?\s+20\d{2}|20\d{2}-\d{2}-\d{2})\s*$/i, '').trim(),
    )
    .find((l, i) => l && l !== head[i] && !/^(?:minnes)?anteckningar$/i.test(l));
  const title =
    dated ??
    head.find(
      (l) =>
        !/^(?:minnes)?anteckningar\b|^protokoll\b|^minutes$|^notes$/i.test(l) &&
        !/^(?:datum|tid|plats|lokal|date|time|place)\s*:/i.test(l) &&
        !/^(?:närvarande|deltagare)/i.test(l) &&
        !DIGITAL.test(l) &&
        l.split(' ').length <= 12 &&
        !dateIn(l),
    ) ??
    null;
  // A place written as such, or Teams named in a short line (the heading's "12 March 2025, Teams").
  const placeLine = lines.find((l) => PLACE.test(l.text) || (DIGITAL.test(l.text) && l.text.length < 60));
  const place = placeLine ? (PLACE.exec(placeLine.text)?.[1] ?? 'Digitalt möte via Teams') : null;

  const paragraphs = paragraphsOf(lines, attendance.end);
  const closingAt = paragraphs.findIndex((p) => CLOSING.test(p.text));
  const upcomingAt = paragraphs.findIndex(
    (p, i) => UPCOMING.test(p.text) && (closingAt < 0 || i >= closingAt - 1),
  );
  const bodyEnd = Math.min(...[closingAt, upcomingAt, paragraphs.length].filter((i) => i >= 0));
  const body = paragraphs.slice(0, bodyEnd);
  const known = [...new Set(attendance.people.flatMap((p) => (p.organisation ? [p.organisation] : [])))];
  const starts = itemStarts(body);
  if (!starts.length && body.length)
    warnings.push('Inga dagordningspunkter hittades; anteckningarna läses som en punkt.');
  if (starts.some((s) => !s.sub && s.number === null))
    warnings.push('Punkterna är inte numrerade; de numreras i ordning.');

  const items: ImportedItem[] = [];
  const notes: ImportedMinutes['notes'] = [];
  const decisions: ImportedMinutes['decisions'] = [];
  const followUps: ImportedMinutes['followUps'] = [];
  const owners = {
    people: attendance.people.map((p) => p.name),
    organisations: [
      ...known,
      ...(attendance.staffOrganisation ? [attendance.staffOrganisation] : []),
      'GR',
      'VGR',
      'SKR',
      'VästKom',
    ],
  };
  let current: number | null = null;
  let startIndex = 0;
  const record = (p: Paragraph, item: number | null) => {
    const sentences = p.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
    // "Beslut: …" labels a decision, however it is worded.
    const labelled = /^beslut(?:ades)?\s*:\s*(.+)$/i.exec(p.text)?.[1];
    const decided = labelled
      ? [labelled]
      : p.line.italic
        ? [p.text]
        : decisionSentences(parseRichText(p.text));
    for (const d of decided) decisions.push({ item, text: d });
    if (!p.line.italic && !labelled) notes.push({ item, text: p.text });
    for (const sentence of sentences) {
      // "Åtgärd: Sara skickar …": the label says what follows is a follow-up.
      const followUp = followUpOf(
        sentence.replace(/^(?:åtgärd|uppgift|att göra|action)\s*:\s*/i, ''),
        owners,
      );
      if (!followUp) continue;
      const due = deadlineOf(sentence, date, zone);
      if (due === undefined) warnings.push(`Kunde inte läsa tidsgränsen i ”${sentence.trim()}”.`);
      followUps.push({ item, owner: followUp.owner, text: withoutDeadline(followUp.text), due: due ?? null });
    }
  };
  body.forEach((p, index) => {
    const start = starts.find((s) => s.at === index);
    if (start && !start.sub) {
      const number = start.number ?? items.length + 1;
      items.push(itemOf(numberedTitle(p.text), start.number, known, p.line.lead));
      current = number;
      startIndex = index;
      return;
    }
    if (start?.sub && items.length) {
      items[items.length - 1]!.subItems.push(itemOf(subTitle(p.text), null, known, p.line.lead));
      return;
    }
    void startIndex;
    record(p, starts.length ? current : null);
  });

  const closing = closingAt >= 0 ? paragraphs[closingAt] : undefined;
  let secretary: ImportedMinutes['secretary'] = null;
  if (closing) {
    const sameLine = CLOSING.exec(closing.text)?.[1]
      ?.replace(/^[,\s]+/, '')
      .trim();
    const following = paragraphs.slice(closingAt + 1, closingAt + 3).map((p) => p.text);
    const parts = (sameLine ? [sameLine, ...following] : following).flatMap((t) => t.split(/\s{2,}/));
    const [name, maybeTitle] = parts;
    if (name && name.split(' ').length <= 4) {
      const titled =
        maybeTitle && maybeTitle.split(' ').length <= 3 && !UPCOMING.test(maybeTitle) && !dateIn(maybeTitle);
      secretary = { name, title: titled ? maybeTitle : null };
    }
  } else warnings.push('Vem som förde anteckningarna står inte (Vid anteckningarna / Antecknat av).');

  const upcoming: ImportedMinutes['upcoming'] = [];
  for (const p of upcomingAt >= 0 ? paragraphs.slice(upcomingAt) : []) {
    if (closing && p === closing) continue;
    const when = dateIn(p.text) ?? /\b\d{1,2}\s+\p{L}+\.?/u.exec(p.text)?.[0];
    if (when && !CLOSING.test(p.text)) upcoming.push({ date: upcomingDate(when, date, zone), text: p.text });
  }
  return {
    meeting: { title, date, place },
    attendance: attendance.people,
    items,
    decisions,
    followUps,
    secretary,
    upcoming,
    warnings,
    notes,
  };
}
