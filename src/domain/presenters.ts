import { foldName } from './names';

/**
 * Who presents an item, as the networks write it after the title: "Jeanette Andersson, VästKom och Björn Khalin
 * VGR", "Maria Ljung (GR)", "Anita Toth, Planeringsledare, GR". Each presenter comes out as one text, "Namn" or
 * "Namn, Organisation" (with a title between when one was written), so the name still matches the attendee.
 */
export interface PresenterReading {
  presenters: string[];
  /** What could be a person or an organisation, and how it was read: for the chair to confirm on the saved form. */
  unsure: { text: string; readAs: 'organisation' | 'person'; of?: string }[];
}

/** Words that end or make up an organisation's name in these networks. */
export const ORGANISATION_WORDS =
  /\b(?:kommun|kommuner|stad|staden|region|regionen|förbund|förbundet|kommunförbund|länsstyrelse|länsstyrelsen|förvaltning|förvaltningen|universitet|högskola|nämnd|nämnden|sjukhus|myndighet|myndigheten|polisen|centrum|förening|rådet)$/i;
/** "GR", "VGR", "SKR", "FoU", "VästKom": capitals inside the word, as organisations write their short names. */
const SHORT_NAME = /^(?:[A-ZÅÄÖ]{2,6}|[A-ZÅÄÖ][a-zåäö]*[A-ZÅÄÖ][A-Za-zÅÄÖåäö]*)$/;
const NAME_WORD = /^[A-ZÅÄÖÉÜ][a-zåäöéüæø'’]+(?:-[A-ZÅÄÖÉÜ]?[a-zåäöéüæø'’]+)*$/;

export const isKnown = (text: string, known: ReadonlySet<string>) => known.has(foldName(text));
export const isOrganisation = (text: string, known: ReadonlySet<string>) =>
  isKnown(text, known) || ORGANISATION_WORDS.test(text) || SHORT_NAME.test(text);
/** "Lena Holmlund", "Karita Saapunki Björk", "Ann-Sofie Borg": two to four capitalised words. */
export const isPersonName = (text: string) => {
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w));
};

/** "Björn Khalin VGR": a person whose organisation follows without a comma. */
export function splitTrailingOrganisation(
  text: string,
  known: ReadonlySet<string>,
): [string, string] | undefined {
  const words = text.split(' ');
  for (let cut = 2; cut < words.length; cut += 1) {
    const name = words.slice(0, cut).join(' ');
    const organisation = words.slice(cut).join(' ');
    if (isPersonName(name) && isOrganisation(organisation, known)) return [name, organisation];
  }
  return undefined;
}

/**
 * Reads the presenters part of an agenda line. A known organisation (the roster's, the network's) or one that reads
 * as one is never taken for a person; what could be either is read the likelier way and reported in `unsure`.
 */
export function parsePresenters(text: string, knownOrganisations: readonly string[] = []): PresenterReading {
  const known = new Set(knownOrganisations.map(foldName));
  const presenters: { name: string; rest: string[] }[] = [];
  const unsure: PresenterReading['unsure'] = [];
  const parts = text
    .split(/\s+(?:och|and|&)\s+|;/i)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  for (const part of parts) {
    const parenthesised = /^(.+?)\s*\(([^)]+)\)\s*$/.exec(part);
    const tokens = parenthesised
      ? [parenthesised[1]!.trim(), parenthesised[2]!.trim()]
      : part
          .split(',')
          .map((token) => token.trim())
          .filter(Boolean);
    let current: { name: string; rest: string[] } | undefined;
    for (const token of tokens) {
      const trailing = isPersonName(token) ? undefined : splitTrailingOrganisation(token, known);
      if (trailing) {
        current = { name: trailing[0], rest: [trailing[1]] };
        presenters.push(current);
      } else if (
        isOrganisation(token, known) &&
        (!isPersonName(token) || isKnown(token, known) || ORGANISATION_WORDS.test(token))
      ) {
        if (current) current.rest.push(token);
        // An organisation alone presents for itself ("GR"): it is kept, never read as a person's name.
        else presenters.push({ name: token, rest: [] });
      } else if (isPersonName(token) || !current) {
        if (!isPersonName(token) && token.split(' ').length === 1)
          unsure.push({ text: token, readAs: 'person' });
        current = { name: token, rest: [] };
        presenters.push(current);
      } else {
        // After a name: a title ("Planeringsledare för EU-medel") or an organisation not recognised as one.
        if (token.split(' ').length === 1)
          unsure.push({ text: token, readAs: 'organisation', of: current.name });
        current.rest.push(token);
      }
    }
  }
  return { presenters: presenters.map((p) => [p.name, ...p.rest].join(', ')), unsure };
}

/** The presenters as an agenda line writes them back, so reading the line again gives the same presenters. */
export const presentersLine = (presenters: readonly string[]): string =>
  presenters.join(presenters.some((p) => p.includes(',')) ? '; ' : ', ');
