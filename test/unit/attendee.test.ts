import type { AgendaItem } from '../../src/domain/agenda-items';
import { mergeAttendance } from '../../src/domain/attendance';
import { attendeeStanding, itemsNaming } from '../../src/domain/attendee';
import { parseItemList } from '../../src/domain/item-list';

const agenda: AgendaItem[] = [
  { title: 'Covid 19', presenters: ['Lena Holmlund', 'Anita Toth'], guests: [], slides: true },
  { title: 'Vårdens medarbetare', presenters: [], guests: [], slides: true },
  { title: 'Remiss', presenters: ['Maria Ljung'], guests: ['Rosanna Björklund (GR)'], slides: false },
  { title: 'Stödcentrum', presenters: [], guests: [], slides: false },
  { title: 'Nära vård', presenters: ['Yvonne Witzoe'], guests: ['Leif Sandsjö'], slides: false },
  { title: 'Övrigt', presenters: [], guests: ['maria ljung'], slides: false },
];

describe('attendeeStanding', () => {
  it('counts a member for their organisation, the whole meeting', () => {
    expect(attendeeStanding('Ebba Gierow', { organisation: 'Ale', status: 'member' }, [], agenda)).toEqual({
      organisation: 'Ale',
    });
  });

  it("counts a named substitute for the replaced member's organisation", () => {
    const rsvps = [
      {
        aadObjectId: 'aad-lena',
        name: 'Lena Arnfelt',
        organisation: 'Kungälv',
        answer: 'substitute' as const,
        substitute: { name: 'Monika Fundin', organisation: '' },
      },
    ];
    expect(attendeeStanding('Monika  Fundin', undefined, rsvps, agenda)).toEqual({
      organisation: 'Kungälv',
      substituteFor: { name: 'Lena Arnfelt', aadObjectId: 'aad-lena' },
    });
  });

  it('makes anyone else a guest, for the items the agenda names them on', () => {
    expect(attendeeStanding('Maria Ljung', undefined, [], agenda)).toEqual({ guest: true, items: [3, 6] });
    expect(itemsNaming('Rosanna Björklund', agenda)).toEqual([3]);
    expect(
      attendeeStanding('Okänd Gäst', { organisation: 'GR', guest: true, status: 'member' }, [], agenda),
    ).toEqual({
      guest: true,
      organisation: 'GR',
    });
  });
});

describe('parseItemList', () => {
  it('reads item numbers as chairs type them, and names what is not an item', () => {
    expect(parseItemList('3 och 6', 7)).toEqual({ items: [3, 6] });
    expect(parseItemList('punkt 6, 3, 3', 7)).toEqual({ items: [3, 6] });
    expect(parseItemList('items 1 and 4', 7)).toEqual({ items: [1, 4] });
    expect(parseItemList('', 7)).toEqual({ items: [] });
    expect(parseItemList('3, 8, x', 7)).toEqual({ unknown: ['8', 'x'] });
  });
});

describe('mergeAttendance', () => {
  const base = {
    meetingId: 'm',
    networkId: 'n',
    personKey: 'p',
    name: 'Maria Ljung',
    updatedAt: '2026-11-20T09:00:00Z',
  };
  it('adds sources, keeps the first time seen, and keeps what the chair said about how someone counts', () => {
    const byChair = mergeAttendance(undefined, { ...base, guest: true, items: [3] }, 'chair');
    const later = mergeAttendance(
      byChair,
      { ...base, organisation: 'GR', updatedAt: '2026-11-20T10:00:00Z', leftAt: '2026-11-20T10:00:00Z' },
      'leaveEvent',
    );
    expect(later).toEqual({
      ...base,
      present: true,
      guest: true,
      items: [3],
      sources: ['chair', 'leaveEvent'],
      firstSeenAt: '2026-11-20T09:00:00Z',
      leftAt: '2026-11-20T10:00:00Z',
      updatedAt: '2026-11-20T10:00:00Z',
    });
    expect(mergeAttendance(later, base, 'chair', false)).toMatchObject({
      present: false,
      sources: ['chair', 'leaveEvent'],
    });
    expect(mergeAttendance(undefined, base, 'chair', false)).not.toHaveProperty('firstSeenAt');
  });
});
