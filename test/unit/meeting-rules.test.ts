import { agendaDueAt, canClaimAgenda, withAgendaPosted, type Meeting } from '../../src/domain/meeting';

const meeting = (extra: Partial<Meeting> = {}): Meeting => ({
  meetingId: 'm',
  networkId: 'n',
  title: 'T',
  date: { year: 2027, month: 4, day: 2 },
  start: { hour: 9, minute: 0 },
  end: { hour: 12, minute: 0 },
  timeZone: 'Europe/Stockholm',
  startsAt: '2027-04-02T07:00:00.000Z',
  endsAt: '2027-04-02T10:00:00.000Z',
  agendaDueAt: '2027-03-26T08:00:00.000Z',
  mode: 'digital',
  items: [],
  status: 'planned',
  createdBy: 'a',
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  ...extra,
});

describe('agendaDueAt', () => {
  it('is the lead time before the meeting at the same Stockholm wall-clock time, across the DST change', () => {
    // 09:00 CEST on 2 April is 09:00 CET on 26 March: clocks changed on 28 March 2027.
    expect(agendaDueAt('2027-04-02T07:00:00.000Z', 'Europe/Stockholm', 7)).toBe('2027-03-26T08:00:00.000Z');
    expect(agendaDueAt('2026-12-11T08:00:00.000Z', 'Europe/Stockholm', 10)).toBe('2026-12-01T08:00:00.000Z');
  });
});

describe('canClaimAgenda', () => {
  const due = new Date('2027-03-27T00:00:00Z');
  it('allows a due, unclaimed, planned meeting', () => expect(canClaimAgenda(meeting(), due)).toBe(true));
  it('refuses before it is due, after it started, or when cancelled', () => {
    expect(canClaimAgenda(meeting(), new Date('2027-03-20T00:00:00Z'))).toBe(false);
    expect(canClaimAgenda(meeting(), new Date('2027-04-02T08:00:00Z'))).toBe(false);
    expect(canClaimAgenda(meeting({ status: 'cancelled' }), due)).toBe(false);
  });
  it('respects a live claim and takes over an expired one', () => {
    expect(
      canClaimAgenda(meeting({ agendaClaim: { by: 'x', until: '2027-03-27T00:05:00.000Z' } }), due),
    ).toBe(false);
    expect(
      canClaimAgenda(meeting({ agendaClaim: { by: 'x', until: '2027-03-26T23:55:00.000Z' } }), due),
    ).toBe(true);
  });
  it('never claims a posted agenda', () => {
    expect(canClaimAgenda(withAgendaPosted(meeting(), 'a-1', due), due)).toBe(false);
  });
});
