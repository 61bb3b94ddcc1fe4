import { DateTime } from 'luxon';
import { remembered } from '../remembered';

/** A calendar day in the network's zone, without a time or zone of its own. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time, 24-hour. */
export interface LocalTime {
  hour: number;
  minute: number;
}

export const isoDate = (d: LocalDate): string => DateTime.fromObject(d).toISODate() ?? '';

/** "2026-05-30" as a day (the inverse of isoDate). */
export const parseDay = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

export const isoTime = (t: LocalTime): string =>
  `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

export const compareDates = (a: LocalDate, b: LocalDate): number => isoDate(a).localeCompare(isoDate(b));

export const minutesOf = (t: LocalTime): number => t.hour * 60 + t.minute;

export const isRealDate = (d: LocalDate): boolean => DateTime.fromObject(d).isValid;

/** Today in the given IANA zone (the network's), at the given instant (read-only: answers are shared). */
export const todayIn = remembered(
  (
    zone: string,
    now: Date,
  ): Readonly<{ date: Readonly<LocalDate>; time: Readonly<LocalTime>; weekday: number }> => {
    const here = DateTime.fromJSDate(now, { zone });
    return Object.freeze({
      date: Object.freeze({ year: here.year, month: here.month, day: here.day }),
      time: Object.freeze({ hour: here.hour, minute: here.minute }),
      weekday: here.weekday,
    });
  },
  (zone, now) => `${zone}|${now.getTime()}`,
);

export const addDays = (d: LocalDate, days: number): LocalDate => {
  const next = DateTime.fromObject(d).plus({ days });
  return { year: next.year, month: next.month, day: next.day };
};

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export const weekdayOf = (d: LocalDate): number => DateTime.fromObject(d).weekday;

/** The instant (UTC ISO string) of a wall-clock time on a day in a zone; DST gaps move forward as clocks do. */
export const toInstant = remembered(
  (date: LocalDate, time: LocalTime, zone: string): string =>
    DateTime.fromObject(
      { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute },
      { zone },
    )
      .toUTC()
      .toISO() ?? '',
  (date, time, zone) => `${zone}|${date.year}-${date.month}-${date.day}T${time.hour}:${time.minute}`,
);

/** The days of ISO week `week` of `weekYear` (Monday to Sunday), or undefined when the year has no such week. */
export function isoWeekDays(
  weekYear: number,
  week: number,
): { first: LocalDate; last: LocalDate } | undefined {
  const monday = DateTime.fromObject({ weekYear, weekNumber: week, weekday: 1 });
  if (!monday.isValid || monday.weekNumber !== week) return undefined;
  const sunday = monday.plus({ days: 6 });
  return {
    first: { year: monday.year, month: monday.month, day: monday.day },
    last: { year: sunday.year, month: sunday.month, day: sunday.day },
  };
}
