import { foldName } from '../domain/names';
import {
  isKnown,
  isOrganisation,
  isPersonName,
  ORGANISATION_WORDS,
  splitTrailingOrganisation,
} from '../domain/presenters';
import type { ImportedPerson } from './imported-minutes';
import type { MinutesLine } from './minutes-lines';

const PRESENT_WORDS = String.raw`närvarande(?: ledamöter)?|deltagare|närvaro|present|attendees|participants`;
const GUEST_WORDS = String.raw`gäster|gäst|inbjudna|övriga närvarande|guests?|invited`;
const ABSENT_WORDS = String.raw`ej närvarande|frånvarande|förhinder|anmält förhinder|anmäld frånvaro|absent|apologies|not present`;
const heading = (words: string) => new RegExp(`^(?:${words})\\s*:?$`, 'i');
/** "Närvarande: Lena Ask (Borås Stad), Per Björk (Ulricehamns kommun)": the heading with its list on one line. */
const inline = (words: string) => new RegExp(`^(?:${words})\\s*:\\s*(.+)$`, 'i');
const PRESENT = heading(PRESENT_WORDS);
const GUESTS = heading(GUEST_WORDS);
const ABSENT = heading(ABSENT_WORDS);
const INLINE: [RegExp, ImportedPerson['status']][] = [
  [inline(PRESENT_WORDS), 'present'],
  [inline(GUEST_WORDS), 'guest'],
  [inline(ABSENT_WORDS), 'absent'],
];

const PRESENT_MARK = /^(?:x|ja|yes|närvarande|närvarade|deltog|deltar|present|✓|✔|1)$/i;

/**
 * A table whose header row names a presence column ("Namn | Organisation | Närvarande"): which column is which,
 * so that a row's mark (x, ja) or its absence says present or absent.
 */
function presenceTable(
  line: MinutesLine,
): { name: number; organisation: number; presence: number } | undefined {
  const columns = line.columns.map((c) => c.toLowerCase());
  const presence = columns.findIndex((c) => /närvar|deltag|present|attend/.test(c));
  const name = columns.findIndex((c) => /^(?:namn|name|ledamot|deltagare)$/.test(c));
  if (presence < 0 || name < 0 || columns.length < 3) return undefined;
  const organisation = columns.findIndex((_, i) => i !== presence && i !== name);
  return { name, organisation, presence };
}

/** The people of a one-line list: "Namn (Org), Namn (Org)", "Namn, Org; Namn, Org", or names alone. */
function inlineNames(list: string): string[] {
  if (list.includes('(')) return list.split(/(?<=\))\s*[,;]\s*/);
  if (list.includes(';')) return list.split(/\s*;\s*/);
  return list.split(/\s*,\s*|\s+och\s+/);
}
const ITEMS = /,?\s*\b(?:punkt|punkterna|p\.?|items?)\s+(\d{1,2}(?:\s*(?:,|och|and|&)\s*\d{1,2})*)\s*\.?$/i;
const GUEST_MARK = /\s*\((?:gäst|guest)\)|\s*,?\s*\bgäst\b\s*$/i;
const SUBSTITUTE = /\s*\((?:ersättare|ers\.?|substitute)\s+(?:för|for)\s+[^)]*\)/i;
/** A line that starts the agenda: "1. Titel", "§ 1 Titel", "Punkt 1: Titel". */
export const ITEM_START = /^(?:\d{1,2}[.)]|§\s*\d{1,2}|punkt\s+\d{1,2}\s*[.:]?)\s+\S/i;

/** "Anna. Svensson": stray punctuation inside a name, as pasted from Word. */
const cleanName = (name: string) =>
  name
    .replace(/(?<=\p{L})[.;:](?=\s)/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The organisations written after a comma or in a table's second column: known before the lines are read. */
export function organisationsIn(lines: MinutesLine[]): Set<string> {
  const known = new Set<string>();
  for (const line of lines) {
    const text = line.text.replace(ITEMS, '').replace(GUEST_MARK, '').replace(SUBSTITUTE, '');
    const org =
      line.cells.length >= 2
        ? line.cells[1]
        : text.includes(',')
          ? text.slice(text.lastIndexOf(',') + 1)
          : '';
    if (org && org.trim().split(' ').length <= 4 && !/\d/.test(org)) known.add(foldName(org.trim()));
  }
  return known;
}

type Parsed = { name: string; organisation: string | null; guest: boolean; items: number[] };

/** One attendance line: "Namn, Organisation", a table row, "Namn Organisation", "(gäst)", "punkt 3 och 6". */
export function personLine(line: MinutesLine, known: ReadonlySet<string>): Parsed | undefined {
  // A table's header row is not a person.
  if (line.cells.length >= 2 && /^(?:namn|name)$/i.test(line.cells[0]!)) return undefined;
  let text = cleanName(line.cells.length >= 2 ? line.cells.join(', ') : line.text);
  const guest = GUEST_MARK.test(text);
  text = text.replace(GUEST_MARK, '').replace(SUBSTITUTE, '');
  const marks = ITEMS.exec(text);
  const items = marks ? (marks[1]?.match(/\d{1,2}/g) ?? []).map(Number) : [];
  if (marks) text = text.slice(0, marks.index);
  text = text.replace(/[,;.\s]+$/, '').trim();
  if (!text || text.length > 120 || /[.!?]\s/.test(text)) return undefined;
  // "Lena Ask (Borås Stad)": the organisation in parentheses.
  const parenthesised = /^(.+?)\s*\(([^)]+)\)$/.exec(text);
  if (parenthesised && isPersonName(cleanName(parenthesised[1]!)))
    return { name: cleanName(parenthesised[1]!), organisation: parenthesised[2]!.trim(), guest, items };
  let tokens = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  // "Anita, Toth, GR": a comma typed inside the name.
  if (
    tokens.length >= 3 &&
    !tokens[0]!.includes(' ') &&
    !tokens[1]!.includes(' ') &&
    isPersonName(`${tokens[0]} ${tokens[1]}`)
  )
    tokens = [`${tokens[0]} ${tokens[1]}`, ...tokens.slice(2)];
  const [first = '', ...rest] = tokens;
  let name = cleanName(first);
  let organisation: string | null = rest.length ? rest[rest.length - 1]! : null;
  if (!rest.length) {
    // "Bertil Lund Göteborgs Stad": a name, then an organisation that reads as one or is known from other lines.
    const trailing = splitTrailingOrganisation(name, known);
    const strong = trailing && (isKnown(trailing[1], known) || ORGANISATION_WORDS.test(trailing[1]));
    if (trailing && (strong || !isPersonName(name))) [name, organisation] = trailing;
  }
  if (!isPersonName(name) && !(name.split(' ').length === 1 && /^\p{Lu}/u.test(name) && organisation))
    return undefined;
  if (
    organisation &&
    isPersonName(organisation) &&
    !isKnown(organisation, known) &&
    !isOrganisation(organisation, known)
  )
    return undefined;
  return { name, organisation, guest, items };
}

/**
 * The attendance section: NÄRVARANDE (maybe in groups: "Nätverket", the association's staff, whose lines carry no
 * organisation), GÄSTER, EJ NÄRVARANDE; or one list with guests marked "(gäst)". Ends where the agenda begins.
 */
export function readAttendance(
  lines: MinutesLine[],
  warnings: string[],
): { people: ImportedPerson[]; start: number; end: number; staffOrganisation: string | null } {
  const start = lines.findIndex((l) => PRESENT.test(l.text) || INLINE[0]![0].test(l.text));
  if (start < 0) {
    warnings.push('Ingen närvarolista hittades (NÄRVARANDE).');
    return { people: [], start: 0, end: 0, staffOrganisation: null };
  }
  const known = organisationsIn(lines.slice(start, start + 200));
  const people: ImportedPerson[] = [];
  /** A heading with its list on the same line: each person read as a line of their own. */
  const inlineList = (text: string): boolean => {
    for (const [pattern, status] of INLINE) {
      const match = pattern.exec(text);
      if (!match) continue;
      for (const name of inlineNames(match[1]!)) {
        const person = personLine({ ...lines[start]!, text: name, cells: [name] }, known);
        if (person)
          people.push({
            name: person.name,
            organisation: person.organisation,
            status: person.guest ? 'guest' : status,
            items: person.items,
          });
      }
      return true;
    }
    return false;
  };
  inlineList(lines[start]!.text);
  let table: ReturnType<typeof presenceTable>;
  let section: ImportedPerson['status'] = 'present';
  let group: string | null = null;
  let staffOrganisation: string | null = null;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    const text = line.text;
    if (!text) continue;
    if (inlineList(text)) continue;
    const header = presenceTable(line);
    if (header) {
      table = header;
      continue;
    }
    if (table && line.columns.length >= 2) {
      const name = line.columns[table.name]?.trim();
      if (name && isPersonName(cleanName(name))) {
        const organisation = line.columns[table.organisation]?.trim() || null;
        const present = PRESENT_MARK.test(line.columns[table.presence]?.trim() ?? '');
        people.push({ name: cleanName(name), organisation, status: present ? section : 'absent', items: [] });
        continue;
      }
    } else table = undefined;
    if (GUESTS.test(text) || ABSENT.test(text)) {
      section = GUESTS.test(text) ? 'guest' : 'absent';
      group = null;
    } else if (ITEM_START.test(text) && !line.bullet) {
      end = i;
      break;
    } else {
      const person = personLine(line, known);
      const next = lines.slice(i + 1).find((l) => l.text);
      const nextIsPerson = next ? personLine(next, known) !== undefined : false;
      if (
        person &&
        !(
          person.organisation === null &&
          !person.items.length &&
          nextIsPerson &&
          !line.bullet &&
          line.heading
        )
      ) {
        const status = person.guest ? 'guest' : section;
        people.push({
          name: person.name,
          organisation:
            person.organisation ?? (group && !/^(?:nätverket|network)$/i.test(group) ? group : null),
          status,
          items: person.items,
        });
      } else if (!text.includes(',') && text.split(' ').length <= 4 && nextIsPerson) {
        // A group heading: "Nätverket", or the association's staff ("Göteborgsregionen"), names only below it.
        group = text.replace(/:$/, '');
        if (!/^(?:nätverket|network)$/i.test(group)) staffOrganisation = group;
      } else if (people.length) {
        end = i;
        break;
      }
    }
  }
  for (const p of people)
    if (p.status !== 'absent' && !p.organisation) warnings.push(`Ingen organisation för ${p.name}.`);
  return { people, start, end, staffOrganisation };
}
