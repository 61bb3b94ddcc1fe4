import Holidays from 'date-holidays';
import { isoDate, weekdayOf, type LocalDate } from '../when/local-date';

// Public holidays, plus the eves Swedish workplaces close on (midsommarafton, julafton, nyårsafton are "bank" days
// in date-holidays): nobody wants a reminder then.
const CLOSED_TYPES = new Set(['public', 'bank']);
const calendar = new Holidays('SE');
const closedByYear = new Map<number, Set<string>>();

function closedDays(year: number): Set<string> {
  let days = closedByYear.get(year);
  if (!days) {
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((holiday) => CLOSED_TYPES.has(holiday.type))
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    closedByYear.set(year, days);
  }
  return days;
}

/** A Monday to Friday that is not a Swedish public holiday (nor midsummer, Christmas or New Year's Eve). */
export function isWorkingDay(date: LocalDate): boolean {
  return weekdayOf(date) <= 5 && !closedDays(date.year).has(isoDate(date));
}
