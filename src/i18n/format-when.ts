import { DateTime, type WeekdayNumbers } from 'luxon';
import type { Language } from '../domain/language';
import { remembered } from '../domain/remembered';
import { isoTime, type LocalDate } from '../domain/when/local-date';
import type { When, WhenResult } from '../domain/when/parse-when';
import type { Translate } from './translator';

/** Each language's locale: dates, list words and the Word file's proofing language. */
export const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "fredag 9 september 2027" / "Friday 9 September 2027" (remembered: every card and reminder names a few). */
export const formatDay = remembered(
  (date: LocalDate, language: Language): string =>
    DateTime.fromObject({ year: date.year, month: date.month, day: date.day })
      .setLocale(LOCALES[language])
      .toFormat('cccc d MMMM yyyy'),
  (date, language) => `${language}|${date.year}-${date.month}-${date.day}`,
);

export const weekdayName = (isoWeekday: number, language: Language): string =>
  DateTime.fromObject({ weekYear: 2026, weekNumber: 10, weekday: isoWeekday as WeekdayNumbers })
    .setLocale(LOCALES[language])
    .toFormat('cccc');

/** A date with its time span, or a week with its days, as a sentence part in the reader's language. */
export function formatWhen(when: When, language: Language, t: Translate): string {
  if (when.kind === 'week') {
    const first = DateTime.fromObject(when.first).setLocale(LOCALES[language]);
    const last = DateTime.fromObject(when.last).setLocale(LOCALES[language]);
    const days =
      first.month === last.month
        ? `${first.day}–${last.toFormat('d MMMM yyyy')}`
        : `${first.toFormat('d MMMM')}–${last.toFormat('d MMMM yyyy')}`;
    return t('when.week', { week: when.week, days });
  }
  const day = formatDay(when.date, language);
  if (when.start && when.end)
    return t('when.dayWithSpan', { day, start: isoTime(when.start), end: isoTime(when.end) });
  if (when.start) return t('when.dayWithTime', { day, start: isoTime(when.start) });
  return day;
}

/** The answer to a date the parser refused: what was understood and what to write instead. */
export function whenProblemText(
  result: Extract<WhenResult, { ok: false }>,
  input: string,
  language: Language,
  t: Translate,
): string {
  const text = input.trim();
  switch (result.problem) {
    case 'unreadable':
      return t('when.unreadable', { text });
    case 'invalidTime':
      return t('when.invalidTime', { text });
    case 'past':
      return t('when.past', { text, understood: formatWhen(result.understood, language, t) });
    case 'future':
      return t('when.future', { text, understood: formatWhen(result.understood, language, t) });
    case 'endBeforeStart':
      return t('when.endBeforeStart', { text, understood: formatWhen(result.understood, language, t) });
    case 'ambiguousSlashDate':
      return t('when.ambiguous', {
        text,
        a: formatDay(result.readings[0], language),
        b: formatDay(result.readings[1], language),
      });
    case 'weekdayMismatch': {
      const date = result.understood.kind === 'day' ? result.understood.date : result.understood.first;
      return t('when.weekdayMismatch', {
        text,
        day: formatDay(date, language),
        typed: weekdayName(result.typedWeekday, language),
      });
    }
  }
}

/** An instant as a day and time in a zone ("fredag 4 december 2026 kl. 09:00"). */
export function formatInstant(iso: string, zone: string, language: Language, t: Translate): string {
  const here = DateTime.fromISO(iso, { zone });
  return formatWhen(
    {
      kind: 'day',
      date: { year: here.year, month: here.month, day: here.day },
      start: { hour: here.hour, minute: here.minute },
    },
    language,
    t,
  );
}
