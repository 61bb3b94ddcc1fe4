/** Names as people type them: case, composed/decomposed letters and spacing do not matter. */
export const foldName = (name: string): string =>
  name.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/** "Maria Ljung" is "maria  ljung", and also "Maria Ljung (GR)" as typed on an agenda line. */
export function sameName(typed: string, name: string): boolean {
  const a = foldName(typed);
  const b = foldName(name);
  return a === b || (a.startsWith(b) && /^[\s,(–-]/.test(a.slice(b.length)));
}
