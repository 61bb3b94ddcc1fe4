import { DateTime } from 'luxon';
import type { Language } from '../domain/language';
import type { MinutesFollowUp, MinutesPerson } from '../domain/minutes';
import type { LocalDate } from '../domain/when/local-date';
import { personLine } from '../i18n/attendance-lines';
import { createTranslator, type Translate } from '../i18n/translator';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** The words every format of the minutes shares, in the network's language. */
export interface MinutesWords {
  t: Translate;
  language: Language;
  /** "17 april 2020": the minutes' own date style, no weekday. */
  date: (date: LocalDate | string) => string;
  person: (person: MinutesPerson) => string;
  followUp: (followUp: MinutesFollowUp) => { owner: string; rest: string };
}

export function minutesWords(language: Language): MinutesWords {
  const t = createTranslator(language);
  const date = (value: LocalDate | string) =>
    (typeof value === 'string' ? DateTime.fromISO(value) : DateTime.fromObject(value))
      .setLocale(LOCALES[language])
      .toFormat('d MMMM yyyy');
  return {
    t,
    language,
    date,
    person: ({ substituteFor, ...p }) =>
      personLine({ ...p, ...(substituteFor ? { substituteFor: { name: substituteFor } } : {}) }, language, t),
    followUp: (f) => ({
      owner: f.owner,
      rest: f.due ? `${f.text}, ${t('minutes.due', { date: date(f.due) })}` : f.text,
    }),
  };
}
