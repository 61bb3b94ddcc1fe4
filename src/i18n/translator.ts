import type { Language } from '../domain/language';
import { en } from './en';
import { sv, type MessageKey } from './sv';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { sv, en };

/** Placeholders are `{name}`; a missing parameter is left visible rather than silently dropped. */
export function createTranslator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, params = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
}

export const catalogueFor = (language: Language): Readonly<Record<MessageKey, string>> =>
  CATALOGUES[language];
