import type { Meeting } from '../../src/domain/meeting';
import { meetingToActOn } from '../../src/domain/meeting-to-act-on';

const NOW = new Date('2026-11-25T10:00:00Z');

/** A meeting on `day` (yyyy-mm-dd) from `hour`:00 to three hours later, Stockholm time in winter (UTC+1). */
function meeting(id: string, day: string, status: Meeting['status'], extra: Partial<Meeting> = {}): Meeting {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const hour = extra.start?.hour ?? 9;
  const startsAt = new Date(Date.UTC(year, month - 1, date, hour - 1)).toISOString();
  return {
    meetingId: id,
    networkId: 'n',
    title: id,
    date: { year, month, day: date },
    start: { hour, minute: 0 },
    end: { hour: hour + 3, minute: 0 },
    timeZone: 'Europe/Stockholm',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3 * 3600_000).toISOString(),
    mode: 'digital',
    items: [],
    status,
    createdBy: 'x',
    createdAt: startsAt,
    updatedAt: startsAt,
    ...extra,
  };
}

const chosen = (result: ReturnType<typeof meetingToActOn>) =>
  result.ok ? result.meeting.meetingId : result.problem;

describe('which meeting a command that records means', () => {
  const october = meeting('october', '2026-10-20', 'ended');
  const november = meeting('november', '2026-11-20', 'ended');
  const approved = meeting('approved', '2026-11-22', 'ended', { minutesApprovedAt: '2026-11-23T10:00:00Z' });
  const running = meeting('running', '2026-11-25', 'started');
  const tonight = meeting('tonight', '2026-11-25', 'planned', { start: { hour: 18, minute: 0 } });

  it('is the one in progress, whatever else there is', () => {
    expect(chosen(meetingToActOn([october, november, running, tonight], { now: NOW }))).toBe('running');
  });

  it('else the latest ended one whose minutes are not approved', () => {
    expect(chosen(meetingToActOn([october, approved, november], { now: NOW }))).toBe('november');
    expect(chosen(meetingToActOn([october, approved], { now: NOW }))).toBe('october');
  });

  it('else names a meeting about to start as not started, or finds none', () => {
    expect(meetingToActOn([approved, tonight], { now: NOW })).toEqual({
      ok: false,
      problem: 'notStarted',
      meeting: tonight,
    });
    expect(chosen(meetingToActOn([approved], { now: NOW }))).toBe('none');
    expect(chosen(meetingToActOn([], { now: NOW }))).toBe('none');
  });

  it('skips ended meetings past retention and cancelled ones', () => {
    const cutoff = new Date('2026-11-01T00:00:00Z');
    expect(chosen(meetingToActOn([october], { now: NOW, retentionCutoff: cutoff }))).toBe('none');
    const cancelled = meeting('cancelled', '2026-11-24', 'cancelled');
    expect(chosen(meetingToActOn([october, cancelled], { now: NOW }))).toBe('october');
  });

  it('takes the day it is given, approved or not, and the start time when the day has two', () => {
    const pick = (day: number, hour?: number) => ({
      date: { year: 2026, month: 11, day },
      ...(hour !== undefined ? { start: { hour, minute: 0 } } : {}),
    });
    const all = [october, november, approved, running, tonight];
    expect(chosen(meetingToActOn(all, { now: NOW, pick: pick(22) }))).toBe('approved');
    expect(chosen(meetingToActOn(all, { now: NOW, pick: pick(20) }))).toBe('november');
    expect(meetingToActOn(all, { now: NOW, pick: pick(25) })).toMatchObject({
      ok: false,
      problem: 'several',
      meetings: [running, tonight],
    });
    expect(chosen(meetingToActOn(all, { now: NOW, pick: pick(25, 9) }))).toBe('running');
    expect(chosen(meetingToActOn(all, { now: NOW, pick: pick(25, 18) }))).toBe('notStarted');
    expect(chosen(meetingToActOn(all, { now: NOW, pick: pick(21) }))).toBe('noneOn');
    expect(
      chosen(
        meetingToActOn(all, {
          now: NOW,
          pick: { date: { year: 2026, month: 10, day: 20 } },
          retentionCutoff: new Date('2026-11-01T00:00:00Z'),
        }),
      ),
    ).toBe('pastRetention');
  });
});
