import type { Language } from '../domain/language';
import type { Translate } from './translator';

/** "punkt 3 och 6" / "items 3 and 6", as the minutes write who was there for what. */
export function itemsPhrase(items: number[], language: Language, t: Translate): string {
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(items.map(String));
  return t(items.length === 1 ? 'attendance.item' : 'attendance.items', { list });
}

type Person = { name: string; organisation?: string; items?: number[]; substituteFor?: { name: string } };

/** "Maria Ljung, GR, punkt 3 och 6" or "Eva Ström, Kungälv (ersättare för Lena Arnfelt)". */
export function personLine(person: Person, language: Language, t: Translate): string {
  const parts = [person.name, ...(person.organisation ? [person.organisation] : [])];
  if (person.items?.length) parts.push(itemsPhrase(person.items, language, t));
  const line = parts.join(', ');
  return person.substituteFor
    ? `${line} ${t('attendance.substituteFor', { name: person.substituteFor.name })}`
    : line;
}
