import { LOCALES } from '../i18n/format-when';
import { DateTime } from 'luxon';
import type { Language } from '../domain/language';
import type { Minutes, MinutesFollowUp, MinutesItem, MinutesPerson } from '../domain/minutes';
import { minutesLayoutOf, type MinutesLayout } from '../domain/minutes-layout';
import { isoTime, type LocalDate } from '../domain/when/local-date';
import { personLine } from '../i18n/attendance-lines';
import { createTranslator, type Translate } from '../i18n/translator';

/** The words every format of the minutes shares, in the network's language. */
export interface MinutesWords {
  t: Translate;
  language: Language;
  /** "17 april 2020": the minutes' own date style, no weekday. */
  date: (date: LocalDate | string) => string;
  person: (person: MinutesPerson) => string;
  /** "Jeanette Andersson, VästKom och Björn Khalin, VGR": presenters as the minutes name them after the title. */
  presenters: (presenters: readonly string[]) => string;
  /** The closing's lines: "Vid anteckningarna," and the name, or "Antecknat av", the name and the title. */
  closing: (minutes: Minutes) => string[];
  /** The heading's place line, unless the layout leaves it out. */
  place: (minutes: Minutes) => string | undefined;
  /** "kl. 09:00–09:20" when the layout shows items' times. */
  itemTime: (item: MinutesItem) => string | undefined;
  followUp: (followUp: MinutesFollowUp) => { owner: string; rest: string };
}

export function minutesWords(language: Language, layout?: MinutesLayout): MinutesWords {
  const { itemMarks, closing, placeLine } = minutesLayoutOf(layout);
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
      personLine(
        { ...p, ...(substituteFor ? { substituteFor: { name: substituteFor } } : {}) },
        language,
        t,
        itemMarks,
      ),
    presenters: (presenters) => new Intl.ListFormat(language, { type: 'conjunction' }).format(presenters),
    closing: (minutes) =>
      minutes.secretary
        ? [
            t(closing === 'antecknat' ? 'minutes.writtenBy' : 'minutes.keptBy'),
            minutes.secretary,
            ...(minutes.secretaryTitle ? [minutes.secretaryTitle] : []),
          ]
        : [],
    place: (minutes) => (placeLine ? (minutes.place ?? t('minutes.digital')) : undefined),
    itemTime: (item) =>
      item.time
        ? item.time.end
          ? t('agenda.itemTime', { start: isoTime(item.time.start), end: isoTime(item.time.end) })
          : t('agenda.itemStart', { start: isoTime(item.time.start) })
        : undefined,
    followUp: (f) => ({
      owner: f.owner,
      rest: f.due ? `${f.text}, ${t('minutes.due', { date: date(f.due) })}` : f.text,
    }),
  };
}
