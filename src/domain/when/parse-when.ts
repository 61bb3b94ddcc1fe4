import * as chrono from 'chrono-node';
import {
  addDays,
  compareDates,
  isoWeekDays,
  isRealDate,
  minutesOf,
  todayIn,
  weekdayOf,
  type LocalDate,
  type LocalTime,
} from './local-date';

/** What a user meant by a date (and maybe a time span), in the network's calendar. */
export type When =
  | { kind: 'day'; date: LocalDate; start?: LocalTime; end?: LocalTime }
  | { kind: 'week'; weekYear: number; week: number; first: LocalDate; last: LocalDate };

/** Why a text was refused; `understood` is what could be read, so the answer can say it back. */
export type WhenProblem =
  | { problem: 'unreadable' }
  | { problem: 'past'; understood: When }
  | { problem: 'future'; understood: When }
  | { problem: 'weekdayMismatch'; understood: When; typedWeekday: number }
  | { problem: 'ambiguousSlashDate'; readings: [LocalDate, LocalDate] }
  | { problem: 'endBeforeStart'; understood: When }
  | { problem: 'invalidTime' };

export type WhenResult = { ok: true; when: When } | ({ ok: false } & WhenProblem);

export interface WhenContext {
  now: Date;
  /** The network's IANA zone; "today" and "tomorrow" are its days. */
  zone: string;
  /**
   * Which way a date without a year is read: the next one (a meeting to plan, a deadline; the past refused), the
   * latest one (a meeting already held; the future refused), or the nearest (a meeting named in a command).
   */
  direction?: 'future' | 'past' | 'nearest';
}

const WEEKDAYS: Record<string, number> = {
  måndag: 1,
  tisdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lördag: 6,
  söndag: 7,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
const RELATIVE_DAYS: [RegExp, number][] = [
  [/\b(?:i\s*förrgår|förrgår)\b/, -2],
  [/\b(?:i\s*går|yesterday)\b/, -1],
  [/\b(?:i\s*dag|today)\b/, 0],
  [/\b(?:i\s*övermorgon|övermorgon|day after tomorrow)\b/, 2],
  [/\b(?:i\s*morgon|tomorrow)\b/, 1],
];
/** Words that carry no date of their own ("fredag den 9 september kl 9-12", "on Dec 1 at 1pm"). */
const FILLER = /\b(?:den|the|on|at|kl|klockan|om|på|mellan|och|from|between|and|från|till|to)\b|[,.]/g;

const TIME = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?`;
// Digits inside a date ("2026-12-01", "1/12") are never times.
const RANGE = new RegExp(
  String.raw`(?:\b(?:kl\.?|klockan|at|from|mellan)\s*)?(?<![\d/-])\b${TIME}\s*(?:-|–|—|\btill\b|\bto\b)\s*${TIME}(?![\d-])`,
);
const SINGLE = [
  new RegExp(String.raw`\b(?:kl\.?|klockan|at)\s*${TIME}\b`),
  new RegExp(String.raw`(?<![\d/-])\b(\d{1,2})[:.](\d{2})\s*(am|pm)?\b`),
  new RegExp(String.raw`(?<![\d/-])\b(\d{1,2})()\s*(am|pm)\b`),
];

function toTime(
  hour: string | undefined,
  minute: string | undefined,
  meridiem: string | undefined,
): LocalTime | undefined {
  let h = Number(hour);
  const m = minute ? Number(minute) : 0;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return h <= 23 && m <= 59 ? { hour: h, minute: m } : undefined;
}

type TimeSpan = { start?: LocalTime; end?: LocalTime; invalid?: true };

/** Pulls a time or a time span out of the text; returns what is left for the date. */
function extractTimes(text: string): { rest: string; span: TimeSpan } {
  const range = RANGE.exec(text);
  if (range) {
    const [, h1, m1, ap1, h2, m2, ap2] = range;
    // "1-3pm": the meridiem written once applies to both ends.
    const start = toTime(h1, m1, ap1 ?? (ap2 && Number(h1) <= Number(h2) ? ap2 : undefined));
    const end = toTime(h2, m2, ap2);
    return { rest: text.replace(range[0], ' '), span: start && end ? { start, end } : { invalid: true } };
  }
  for (const pattern of SINGLE) {
    const single = pattern.exec(text);
    if (single) {
      const start = toTime(single[1], single[2], single[3]);
      return { rest: text.replace(single[0], ' '), span: start ? { start } : { invalid: true } };
    }
  }
  return { rest: text, span: {} };
}

type DatePart =
  | { kind: 'day'; date: LocalDate; yearGiven: boolean; weekday?: number }
  | { kind: 'week'; weekYear: number; week: number; yearGiven: boolean; weekday?: number }
  | { kind: 'ambiguous'; readings: [LocalDate, LocalDate] }
  | undefined;

function typedWeekday(text: string): number | undefined {
  const word = Object.keys(WEEKDAYS).find((w) => new RegExp(`\\b${w}\\b`).test(text));
  return word ? WEEKDAYS[word] : undefined;
}

function leftoverIsEmpty(text: string): boolean {
  const stripped = text.replace(FILLER, ' ');
  const noWeekday = Object.keys(WEEKDAYS).reduce(
    (t, w) => t.replace(new RegExp(`\\b${w}\\b`), ' '),
    stripped,
  );
  return noWeekday.trim() === '';
}

function extractDate(text: string, context: WhenContext): { part: DatePart; rest: string } {
  const today = todayIn(context.zone, context.now).date;

  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) {
    const date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    const rest = text.replace(iso[0], ' ');
    return {
      part: isRealDate(date)
        ? { kind: 'day', date, yearGiven: true, weekday: typedWeekday(rest) }
        : undefined,
      rest,
    };
  }

  for (const [pattern, offset] of RELATIVE_DAYS) {
    const match = pattern.exec(text);
    if (match)
      return {
        part: { kind: 'day', date: addDays(today, offset), yearGiven: true },
        rest: text.replace(match[0], ' '),
      };
  }

  const week = /\b(?:vecka|v\.?|week|wk\.?)\s*(\d{1,2})(?:\s*,?\s*(\d{4}))?\b/.exec(text);
  if (week) {
    const rest = text.replace(week[0], ' ');
    return {
      part: {
        kind: 'week',
        week: Number(week[1]),
        weekYear: week[2] ? Number(week[2]) : today.year,
        yearGiven: Boolean(week[2]),
        weekday: typedWeekday(rest),
      },
      rest,
    };
  }

  const slash = /\b(\d{1,2})\/(\d{1,2})\b/.exec(text);
  if (slash && Number(slash[1]) <= 12 && Number(slash[2]) <= 12 && slash[1] !== slash[2]) {
    // Swedes read 1/12 as 1 December, English readers as 12 January: ask rather than guess.
    const next = (month: number, d: number): LocalDate => {
      const thisYear = { year: today.year, month, day: d };
      return compareDates(thisYear, today) < 0 ? { ...thisYear, year: today.year + 1 } : thisYear;
    };
    const a = next(Number(slash[2]), Number(slash[1]));
    const b = next(Number(slash[1]), Number(slash[2]));
    return { part: { kind: 'ambiguous', readings: [a, b] }, rest: text.replace(slash[0], ' ') };
  }

  // chrono resolves relative to a Date's local fields: give it the network's wall clock as local time.
  const wall = todayIn(context.zone, context.now);
  const reference = new Date(
    wall.date.year,
    wall.date.month - 1,
    wall.date.day,
    wall.time.hour,
    wall.time.minute,
  );
  for (const parser of [chrono.sv, chrono.en]) {
    const [result] = parser.parse(text, reference, { forwardDate: direction(context) === 'future' });
    if (!result) continue;
    const rest = text.slice(0, result.index) + ' ' + text.slice(result.index + result.text.length);
    const start = result.start;
    let date = {
      year: start.get('year') ?? today.year,
      month: start.get('month') ?? 0,
      day: start.get('day') ?? 0,
    };
    // A held meeting's "20 november" is the latest 20 November, not this year's still to come.
    if (direction(context) === 'past' && !start.isCertain('year') && compareDates(date, today) > 0)
      date = { ...date, year: date.year - 1 };
    const weekday = start.isCertain('weekday') ? (start.get('weekday') ?? undefined) : undefined;
    if (!start.isCertain('day') && weekday === undefined) continue;
    return {
      part: { kind: 'day', date, yearGiven: start.isCertain('year'), weekday: weekday === 0 ? 7 : weekday },
      rest,
    };
  }
  return { part: undefined, rest: text };
}

/**
 * Reads a meeting date or deadline as Swedish and English users write them: "12 juni", "fredag 9 september 9-12",
 * "vecka 47", "v 47", "i morgon", "1 dec", "2026-12-01 13:00", "Dec 1 at 1pm". A date without a year is the next
 * one; anything past, contradictory or ambiguous is refused with what was understood.
 */
export function parseWhen(input: string, context: WhenContext): WhenResult {
  const text = input.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
  if (!text) return { ok: false, problem: 'unreadable' };

  const { rest: afterTimes, span } = extractTimes(text);
  if (span.invalid) return { ok: false, problem: 'invalidTime' };
  const { part, rest } = extractDate(afterTimes, context);
  if (!part || !leftoverIsEmpty(rest)) return { ok: false, problem: 'unreadable' };
  if (part.kind === 'ambiguous') return { ok: false, problem: 'ambiguousSlashDate', readings: part.readings };

  const now = todayIn(context.zone, context.now);
  let when: When;
  const way = direction(context);
  if (part.kind === 'week') {
    let weekYear = part.weekYear;
    let days = isoWeekDays(weekYear, part.week);
    if (days && !part.yearGiven && way === 'future' && compareDates(days.last, now.date) < 0) {
      weekYear += 1;
      days = isoWeekDays(weekYear, part.week);
    }
    if (days && !part.yearGiven && way === 'past' && compareDates(days.first, now.date) > 0) {
      weekYear -= 1;
      days = isoWeekDays(weekYear, part.week);
    }
    // "tisdag v 48" in week 48 after its Tuesday: the next year's, as a date without a year is the next one.
    if (
      days &&
      part.weekday !== undefined &&
      !part.yearGiven &&
      way === 'future' &&
      compareDates(addDays(days.first, part.weekday - 1), now.date) < 0
    ) {
      weekYear += 1;
      days = isoWeekDays(weekYear, part.week);
    }
    if (!days) return { ok: false, problem: 'unreadable' };
    when =
      part.weekday !== undefined
        ? { kind: 'day', date: addDays(days.first, part.weekday - 1), ...timesOf(span) }
        : { kind: 'week', weekYear, week: part.week, first: days.first, last: days.last };
  } else {
    if (!isRealDate(part.date)) return { ok: false, problem: 'unreadable' };
    when = { kind: 'day', date: part.date, ...timesOf(span) };
    if (part.weekday !== undefined && weekdayOf(part.date) !== part.weekday) {
      return { ok: false, problem: 'weekdayMismatch', understood: when, typedWeekday: part.weekday };
    }
  }

  if (when.kind === 'day' && when.start && when.end && minutesOf(when.end) <= minutesOf(when.start))
    return { ok: false, problem: 'endBeforeStart', understood: when };
  if (way === 'nearest') return { ok: true, when };
  if (way === 'past') {
    const first = when.kind === 'day' ? when.date : when.first;
    return compareDates(first, now.date) > 0
      ? { ok: false, problem: 'future', understood: when }
      : { ok: true, when };
  }
  if (when.kind === 'day') {
    const order = compareDates(when.date, now.date);
    const startedToday =
      order === 0 && when.start !== undefined && minutesOf(when.start) <= minutesOf(now.time);
    if (order < 0 || startedToday) return { ok: false, problem: 'past', understood: when };
  } else if (compareDates(when.last, now.date) < 0) {
    return { ok: false, problem: 'past', understood: when };
  }
  return { ok: true, when };
}

const direction = (context: WhenContext) => context.direction ?? 'future';

const timesOf = (span: TimeSpan): { start?: LocalTime; end?: LocalTime } => ({
  ...(span.start ? { start: span.start } : {}),
  ...(span.end ? { end: span.end } : {}),
});
