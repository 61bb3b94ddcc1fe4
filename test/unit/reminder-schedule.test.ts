import type { FollowUp } from '../../src/domain/follow-up';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminders/reminder-policy';
import {
  isSendingTime,
  nextDigestAt,
  nextReminderAt,
  nextSendingTime,
  reminderKind,
} from '../../src/domain/reminders/reminder-schedule';
import { isWorkingDay } from '../../src/domain/reminders/working-days';

const ZONE = 'Europe/Stockholm';
const open = (due?: string): Pick<FollowUp, 'status' | 'due'> => ({
  status: 'open',
  ...(due ? { due } : {}),
});

/** Every reminder from `start` on, until the policy has none left or `count` are listed. */
function reminders(due: string, start: string, count: number, policy = DEFAULT_REMINDER_POLICY): string[] {
  const found: string[] = [];
  let after = new Date(start);
  while (found.length < count) {
    const next = nextReminderAt(open(due), policy, ZONE, after);
    if (!next) break;
    found.push(next);
    after = new Date(next);
  }
  return found;
}

describe('reminder schedule (Europe/Stockholm, defaults: 3 days before, the day, weekly after, 08–17)', () => {
  it('reminds 3 working days before, on the morning of the deadline, then weekly while overdue', () => {
    // Given on Monday 23 November at 10:00; due Thursday 3 December.
    expect(reminders('2026-12-03', '2026-11-23T09:00:00Z', 4)).toEqual([
      '2026-11-30T07:00:00.000Z',
      '2026-12-03T07:00:00.000Z',
      '2026-12-10T07:00:00.000Z',
      '2026-12-17T07:00:00.000Z',
    ]);
  });

  it('skips what is already past when the follow-up is given or the scheduler was down', () => {
    // Given on the morning of the deadline after 08:00: no reminder that day, next is a week later.
    expect(reminders('2026-11-23', '2026-11-23T09:30:00Z', 1)).toEqual(['2026-11-30T07:00:00.000Z']);
    // Five weeks overdue: the next weekly one, not the five missed.
    expect(
      nextReminderAt(open('2026-10-01'), DEFAULT_REMINDER_POLICY, ZONE, new Date('2026-11-06T12:00:00Z')),
    ).toBe('2026-11-12T07:00:00.000Z');
  });

  it('moves reminders off weekends: earlier before the deadline, later when overdue', () => {
    // Due Tuesday 8 Dec: three days before is Saturday, so Friday 4 Dec.
    expect(reminders('2026-12-08', '2026-11-30T12:00:00Z', 2)).toEqual([
      '2026-12-04T07:00:00.000Z',
      '2026-12-08T07:00:00.000Z',
    ]);
    // Due Sunday 6 Dec: before on Thursday, "the day" on Friday, overdue on Monday 14 Dec (the 13th is a Sunday).
    expect(reminders('2026-12-06', '2026-11-30T12:00:00Z', 3)).toEqual([
      '2026-12-03T07:00:00.000Z',
      '2026-12-04T07:00:00.000Z',
      '2026-12-14T07:00:00.000Z',
    ]);
  });

  it('never reminds on Swedish public holidays or Christmas, midsummer and New Year eves', () => {
    expect(isWorkingDay({ year: 2026, month: 12, day: 24 })).toBe(false); // julafton
    expect(isWorkingDay({ year: 2026, month: 6, day: 19 })).toBe(false); // midsommarafton
    expect(isWorkingDay({ year: 2027, month: 5, day: 6 })).toBe(false); // Kristi himmelsfärd 2027
    expect(isWorkingDay({ year: 2026, month: 12, day: 23 })).toBe(true);
    // Due Monday 28 Dec: three days before is juldagen, the day before julafton: Wednesday 23 Dec.
    expect(reminders('2026-12-28', '2026-12-01T12:00:00Z', 2)).toEqual([
      '2026-12-23T07:00:00.000Z',
      '2026-12-28T07:00:00.000Z',
    ]);
    // Due 17 Dec: a week overdue is julafton; then juldagen, annandag and a Sunday: Monday 28 Dec.
    expect(reminders('2026-12-17', '2026-12-17T12:00:00Z', 1)).toEqual(['2026-12-28T07:00:00.000Z']);
  });

  it('keeps 08:00 local across daylight-saving changes (UTC moves by an hour)', () => {
    // Summer time starts Sunday 29 March 2026.
    expect(reminders('2026-03-30', '2026-03-20T12:00:00Z', 2)).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
    // Summer time ends Sunday 25 October 2026.
    expect(reminders('2026-10-26', '2026-10-19T12:00:00Z', 2)).toEqual([
      '2026-10-23T06:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
    ]);
  });

  it('has nothing to remind of when done, without a deadline, or when the policy says none', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(
      nextReminderAt({ status: 'done', due: '2026-12-03' }, DEFAULT_REMINDER_POLICY, ZONE, now),
    ).toBeUndefined();
    expect(nextReminderAt(open(), DEFAULT_REMINDER_POLICY, ZONE, now)).toBeUndefined();
    // An erased owner is reminded of nothing.
    expect(
      nextReminderAt(
        { ...open('2026-12-03'), ownerErasedAt: now.toISOString() },
        DEFAULT_REMINDER_POLICY,
        ZONE,
        now,
      ),
    ).toBeUndefined();
    expect(nextReminderAt(open('2026-12-03'), DEFAULT_REMINDER_POLICY, ZONE, now)).toBeDefined();
    const quiet = { ...DEFAULT_REMINDER_POLICY, daysBefore: 0, onDueDay: false, overdueEveryDays: 0 };
    expect(nextReminderAt(open('2026-12-03'), quiet, ZONE, now)).toBeUndefined();
    const onlyOverdue = { ...DEFAULT_REMINDER_POLICY, daysBefore: 0, onDueDay: false, overdueEveryDays: 14 };
    expect(reminders('2026-12-03', '2026-11-23T09:00:00Z', 2, onlyOverdue)).toEqual([
      '2026-12-17T07:00:00.000Z',
      '2027-01-04T07:00:00.000Z', // nyårsafton, nyårsdagen and a weekend after 31 Dec
    ]);
  });

  it('sends only on working days between 08:00 and 17:00 local, and knows the next opening', () => {
    const at = (iso: string): boolean => isSendingTime(DEFAULT_REMINDER_POLICY, ZONE, new Date(iso));
    expect(at('2026-11-23T06:59:00Z')).toBe(false); // Monday 07:59
    expect(at('2026-11-23T07:00:00Z')).toBe(true); // 08:00
    expect(at('2026-11-23T15:59:00Z')).toBe(true); // 16:59
    expect(at('2026-11-23T16:00:00Z')).toBe(false); // 17:00
    expect(at('2026-11-28T10:00:00Z')).toBe(false); // Saturday
    expect(at('2026-12-24T10:00:00Z')).toBe(false); // julafton
    const next = (iso: string): string => nextSendingTime(DEFAULT_REMINDER_POLICY, ZONE, new Date(iso));
    expect(next('2026-11-27T16:30:00Z')).toBe('2026-11-30T07:00:00.000Z'); // Friday 17:30 -> Monday 08:00
    expect(next('2026-11-24T05:00:00Z')).toBe('2026-11-24T07:00:00.000Z'); // Tuesday 06:00 -> 08:00
    expect(next('2026-12-23T17:00:00Z')).toBe('2026-12-28T07:00:00.000Z'); // over Christmas
    expect(next('2026-11-24T10:00:00Z')).toBe('2026-11-24T10:00:00.000Z'); // open now
  });

  it('names the kind of reminder by the local day', () => {
    expect(reminderKind('2026-12-03', ZONE, new Date('2026-11-30T07:00:00Z'))).toBe('before');
    // 00:30 on 3 December in Stockholm is still 2 December in UTC.
    expect(reminderKind('2026-12-03', ZONE, new Date('2026-12-02T23:30:00Z'))).toBe('due');
    expect(reminderKind('2026-12-03', ZONE, new Date('2026-12-10T07:00:00Z'))).toBe('overdue');
  });

  it('sends the weekly digest on the first working day of the week at the opening time', () => {
    const digest = (iso: string): string => nextDigestAt(DEFAULT_REMINDER_POLICY, ZONE, new Date(iso));
    expect(digest('2026-11-23T06:00:00Z')).toBe('2026-11-23T07:00:00.000Z'); // Monday 07:00 -> 08:00 that day
    expect(digest('2026-11-23T07:00:00Z')).toBe('2026-11-30T07:00:00.000Z'); // sent: next Monday
    expect(digest('2026-11-27T12:00:00Z')).toBe('2026-11-30T07:00:00.000Z'); // Friday
    expect(digest('2026-03-31T12:00:00Z')).toBe('2026-04-07T06:00:00.000Z'); // annandag påsk: Tuesday, CEST
  });
});
