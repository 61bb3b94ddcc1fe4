import type { Language } from '../domain/language';
import type { Translate } from './translator';

/**
 * "punkt 3 och 6" / "items 3 and 6", as the minutes write who was there for what; the short marks some networks
 * use are "p 3, 6".
 */
export function itemsPhrase(
  items: number[],
  language: Language,
  t: Translate,
  marks: 'punkt' | 'p' = 'punkt',
): string {
  if (marks === 'p') return t('attendance.itemsShort', { list: items.join(', ') });
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(items.map(String));
  return t(items.length === 1 ? 'attendance.item' : 'attendance.items', { list });
}

type Person = {
  name: string;
  organisation?: string;
  items?: number[];
  substituteFor?: { name: string };
  guest?: true;
};

/**
 * "Maria Ljung, GR, punkt 3 och 6", "Eva Ström, Kungälv (ersättare för Lena Arnfelt)" or, where guests are marked
 * in the list, "Linnea Winckler, VGR (gäst), p 4".
 */
export function personLine(
  person: Person,
  language: Language,
  t: Translate,
  marks: 'punkt' | 'p' = 'punkt',
): string {
  const who = [person.name, ...(person.organisation ? [person.organisation] : [])].join(', ');
  const parts = [person.guest ? `${who} ${t('attendance.guestMark')}` : who];
  if (person.items?.length) parts.push(itemsPhrase(person.items, language, t, marks));
  const line = parts.join(', ');
  return person.substituteFor
    ? `${line} ${t('attendance.substituteFor', { name: person.substituteFor.name })}`
    : line;
}
