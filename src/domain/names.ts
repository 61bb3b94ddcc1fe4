/** Names as people type them: case, composed/decomposed letters and spacing do not matter. */
export const foldName = (name: string): string =>
  name.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/** "Maria Ljung" is "maria  ljung", and also "Maria Ljung (GR)" as typed on an agenda line. */
export function sameName(typed: string, name: string): boolean {
  const a = foldName(typed);
  const b = foldName(name);
  return a === b || (a.startsWith(b) && /^[\s,(–-]/.test(a.slice(b.length)));
}

/** A name or organisation compared as one: case, composed letters and every space ignored ("Anna  Ek" is "anna ek"). */
const identityOf = (text: string | undefined): string => foldName(text ?? '').replace(/\s/g, '');

/**
 * The same guest typed twice (`gäst Anna Ek, Borås` and the card's "Lägg till gäst"): same name and organisation,
 * ignoring case and spaces; a guest typed without organisation is the one of that name.
 */
export function sameGuest(
  typed: { name: string; organisation?: string },
  known: { name: string; organisation?: string },
): boolean {
  if (identityOf(typed.name) !== identityOf(known.name)) return false;
  return (
    !typed.organisation ||
    !known.organisation ||
    identityOf(typed.organisation) === identityOf(known.organisation)
  );
}

/** A stable id for a guest added by name, so adding them again is the same entry. */
export const guestIdentity = (guest: { name: string; organisation?: string }): string =>
  `${identityOf(guest.name)}|${identityOf(guest.organisation)}`;
