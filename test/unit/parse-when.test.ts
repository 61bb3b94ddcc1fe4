import { parseWhen, type WhenResult } from '../../src/domain/when/parse-when';
import { toInstant } from '../../src/domain/when/local-date';
import { whenProblemText } from '../../src/i18n/format-when';
import { createTranslator } from '../../src/i18n/translator';

// Sunday 22 November 2026, 13:00 in Stockholm (ISO week 47 of 2026 runs 16-22 November).
const context = { now: new Date('2026-11-22T12:00:00Z'), zone: 'Europe/Stockholm' };
const parse = (text: string): WhenResult => parseWhen(text, context);
const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('parseWhen reads what Swedish and English users write', () => {
  it.each([
    ['12 juni', day(2027, 6, 12), undefined, undefined],
    ['1 dec', day(2026, 12, 1), undefined, undefined],
    ['Dec 1 at 1pm', day(2026, 12, 1), { hour: 13, minute: 0 }, undefined],
    ['2026-12-01 13:00', day(2026, 12, 1), { hour: 13, minute: 0 }, undefined],
    ['i morgon', day(2026, 11, 23), undefined, undefined],
    ['imorgon kl 9', day(2026, 11, 23), { hour: 9, minute: 0 }, undefined],
    ['tomorrow 9-12', day(2026, 11, 23), { hour: 9, minute: 0 }, { hour: 12, minute: 0 }],
    ['fredag 11 december 9-12', day(2026, 12, 11), { hour: 9, minute: 0 }, { hour: 12, minute: 0 }],
    [
      'fredag den 11 december kl. 13.00–15.30',
      day(2026, 12, 11),
      { hour: 13, minute: 0 },
      { hour: 15, minute: 30 },
    ],
    ['Dec 1 1-3pm', day(2026, 12, 1), { hour: 13, minute: 0 }, { hour: 15, minute: 0 }],
    ['tisdag v 48', day(2026, 11, 24), undefined, undefined],
    ['fredag', day(2026, 11, 27), undefined, undefined],
  ])('%p', (text, date, start, end) => {
    const result = parse(text);
    expect(result).toEqual({
      ok: true,
      when: { kind: 'day', date, ...(start ? { start } : {}), ...(end ? { end } : {}) },
    });
  });

  it.each([
    ['vecka 47', 2026, 47, day(2026, 11, 16), day(2026, 11, 22)],
    ['v 48', 2026, 48, day(2026, 11, 23), day(2026, 11, 29)],
    ['v. 2', 2027, 2, day(2027, 1, 11), day(2027, 1, 17)],
    ['week 46', 2027, 46, day(2027, 11, 15), day(2027, 11, 21)],
  ])(
    '%p is a week: the current one while it lasts, else the next one',
    (text, weekYear, week, first, last) => {
      expect(parse(text)).toEqual({ ok: true, when: { kind: 'week', weekYear, week, first, last } });
    },
  );
});

describe('parseWhen refuses and says what it understood', () => {
  const sv = createTranslator('sv');
  const en = createTranslator('en');
  const refusal = (text: string, language: 'sv' | 'en' = 'sv') => {
    const result = parse(text);
    if (result.ok) throw new Error(`accepted ${text}`);
    return whenProblemText(result, text, language, language === 'sv' ? sv : en);
  };

  it('a date that has passed', () => {
    expect(refusal('3 mars 2025')).toBe(
      '”3 mars 2025” förstod jag som måndag 3 mars 2025, och det har redan varit.',
    );
    expect(refusal('today 9-12', 'en')).toBe(
      'I read "today 9-12" as Sunday 22 November 2026, 09:00–12:00, which has already passed.',
    );
  });

  it('a weekday that does not match the date (9 September is next a Thursday)', () => {
    expect(parse('fredag 9 september 9-12')).toMatchObject({
      ok: false,
      problem: 'weekdayMismatch',
      typedWeekday: 5,
    });
    expect(refusal('fredag 9 september 9-12')).toBe(
      '”fredag 9 september 9-12”: torsdag 9 september 2027 är ingen fredag. Vilken dag menar du?',
    );
  });

  it('a slash date that Swedes and English readers read differently', () => {
    expect(refusal('1/12')).toBe(
      '”1/12” kan betyda tisdag 1 december 2026 eller tisdag 12 januari 2027. Skriv månaden med bokstäver, till exempel ”1 dec 9-12”.',
    );
  });

  it('an end before the start', () => {
    expect(refusal('1 dec 15-13')).toBe(
      '”1 dec 15-13” förstod jag som tisdag 1 december 2026 kl. 15:00–13:00, men sluttiden måste vara efter starttiden.',
    );
  });

  it.each(['snart', 'nästa möte', 'den 32 januari', '1 dec blabla', 'kl 25', ''])(
    'unreadable: %p',
    (text) => {
      expect(parse(text)).toMatchObject({ ok: false });
    },
  );

  it('names examples in the user language for an unreadable text', () => {
    expect(refusal('snart')).toMatch(
      /^Jag kunde inte läsa ”snart” som ett datum\. Skriv till exempel ”12 juni 9-12”/,
    );
    expect(refusal('soon', 'en')).toMatch(
      /^I could not read "soon" as a date\. Try for example "12 June 9-12"/,
    );
  });
});

describe('parseWhen reads a held meeting backwards and a named one nearest', () => {
  const past = (text: string) => parseWhen(text, { ...context, direction: 'past' });
  const nearest = (text: string) => parseWhen(text, { ...context, direction: 'nearest' });

  it('takes a date without a year as the latest one, and refuses one still to come', () => {
    expect(past('20 november 9-12')).toMatchObject({ ok: true, when: { date: day(2026, 11, 20) } });
    expect(past('12 december 9-12')).toMatchObject({ ok: true, when: { date: day(2025, 12, 12) } });
    expect(past('i går 13-15')).toMatchObject({ ok: true, when: { date: day(2026, 11, 21) } });
    expect(past('v 46')).toMatchObject({ ok: true, when: { kind: 'week', weekYear: 2026, week: 46 } });
    expect(past('v 50')).toMatchObject({ ok: true, when: { kind: 'week', weekYear: 2025, week: 50 } });
    expect(past('2026-12-12 9-12')).toMatchObject({ ok: false, problem: 'future' });
    expect(past('i morgon 9-12')).toMatchObject({ ok: false, problem: 'future' });
  });

  it("takes a named meeting's day on either side of today, as written", () => {
    expect(nearest('2026-11-20')).toMatchObject({ ok: true, when: { date: day(2026, 11, 20) } });
    expect(nearest('2026-11-30 13:00')).toMatchObject({
      ok: true,
      when: { date: day(2026, 11, 30), start: { hour: 13, minute: 0 } },
    });
    expect(nearest('20 november')).toMatchObject({ ok: true, when: { date: day(2026, 11, 20) } });
    expect(nearest('fjärde advent')).toMatchObject({ ok: false, problem: 'unreadable' });
  });

  it('reads "tisdag v 47" after that Tuesday as next year\'s, like any date without a year', () => {
    expect(parse('tisdag v 47 9-12')).toMatchObject({ ok: true, when: { date: day(2027, 11, 23) } });
  });
});

describe('toInstant', () => {
  it('stores Stockholm wall-clock times as UTC, across the DST change', () => {
    expect(toInstant(day(2026, 12, 1), { hour: 13, minute: 0 }, 'Europe/Stockholm')).toBe(
      '2026-12-01T12:00:00.000Z',
    );
    expect(toInstant(day(2027, 6, 12), { hour: 13, minute: 0 }, 'Europe/Stockholm')).toBe(
      '2027-06-12T11:00:00.000Z',
    );
    // 02:30 does not exist on 28 March 2027 in Stockholm; clocks jump to 03:30.
    expect(toInstant(day(2027, 3, 28), { hour: 2, minute: 30 }, 'Europe/Stockholm')).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });
});
