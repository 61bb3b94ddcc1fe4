import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import type { Language } from '../domain/language';

const STEMMERS: Record<Language, (word: string) => string> = { sv: swedish, en: english };

/**
 * A word as the index holds it: composed letters (å typed as a + ring is å), lower case in the language, stemmed
 * ("strukturen", "strukturer" → "struktur"). Used for the indexed text and the query alike.
 */
export const searchTerm =
  (language: Language) =>
  (word: string): string =>
    STEMMERS[language](word.normalize('NFC').toLocaleLowerCase(language === 'sv' ? 'sv' : 'en'));
