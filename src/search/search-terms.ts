import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as swedishStopwords } from '@orama/stopwords/swedish';
import type { Language } from '../domain/language';

/** Words that say nothing searched for ("och", "att", "the"): left out, which also keeps the index small. */
const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  sv: new Set(swedishStopwords),
  en: new Set(englishStopwords),
};

const STEMMERS: Record<Language, (word: string) => string> = { sv: swedish, en: english };

/**
 * A word as the index holds it: composed letters (å typed as a + ring is å), lower case in the language, stemmed
 * ("strukturen", "strukturer" → "struktur"). Used for the indexed text and the query alike.
 */
export const searchTerm =
  (language: Language) =>
  (word: string): string =>
    STEMMERS[language](word.normalize('NFC').toLocaleLowerCase(language === 'sv' ? 'sv' : 'en'));

/** As `searchTerm`, but undefined for a stop word or a bare number: what the index keeps of a word. */
export const indexedTerm = (language: Language) => {
  const term = searchTerm(language);
  return (word: string): string | undefined => {
    const lower = word.normalize('NFC').toLocaleLowerCase(language === 'sv' ? 'sv' : 'en');
    // Bare numbers are left out too: years are the search's own filter, and every amount or item number would be
    // a term of its own in the index.
    return STOPWORDS[language].has(lower) || /^\d+$/.test(lower) ? undefined : term(lower);
  };
};
