import type { Decision } from '../../src/domain/decision';
import type { Meeting } from '../../src/domain/meeting';
import { NetworkIndex } from '../../src/search/network-index';
import { parseSearch } from '../../src/search/search-query';
import { meetingStarting } from '../fixtures/meeting';

const meeting = (id: string, day: string, extra: Partial<Meeting> = {}): Meeting => ({
  ...meetingStarting('n', new Date(`${day}T08:00:00Z`), {
    title: `Nätverksmöte ${day}`,
    items: [
      { title: 'Kompetensförsörjning i äldreomsorgen', presenters: [], guests: [], slides: false },
      { title: 'Övrigt', presenters: [], guests: [], slides: false },
    ],
  }),
  meetingId: id,
  date: { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) },
  status: 'ended',
  minutesApprovedAt: `${day}T12:00:00Z`,
  ...extra,
});
const decision = (meetingId: string, number: number, text: string, item = 1): Decision => ({
  meetingId,
  networkId: 'n',
  number,
  item,
  text,
  previous: [],
  status: 'active',
  createdBy: 'x',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
});

const content = {
  meetings: [meeting('m1', '2025-03-14'), meeting('m2', '2025-10-10'), meeting('m3', '2024-05-02')],
  decisions: [
    decision('m1', 1, 'Nätverket ställer sig bakom strukturen för branschrådet.'),
    decision('m2', 1, 'Nätverket ställer sig bakom strukturen för branschrådet.'),
    decision('m3', 1, 'Nätverket beslutar att ta fram en plan för kompetensförsörjning.', 2),
  ],
  notes: [
    {
      meetingId: 'm2',
      networkId: 'n',
      noteId: 'a',
      item: 2,
      text: 'Strukturer för uppföljning diskuterades.',
      createdBy: 'x',
      createdAt: '2025-10-10T09:00:00Z',
    },
  ],
  followUps: [],
};
const index = new NetworkIndex(content, 'sv');
const find = (line: string, drafts = true) =>
  index.search(parseSearch(line), { drafts }).map((h) => `${h.kind} ${h.meetingId}`);

describe('searching a network in Swedish', () => {
  it('reads filters from the line and leaves the words', () => {
    expect(parseSearch('beslut branschråd 2025')).toEqual({
      words: ['branschråd'],
      kinds: ['decision'],
      year: 2025,
    });
    expect(parseSearch('öppna uppgifter sedan 2025-01-01 plan')).toEqual({
      words: ['plan'],
      kinds: ['followUp'],
      open: true,
      since: '2025-01-01',
    });
    expect(parseSearch('search decisions structure')).toMatchObject({ words: ['search', 'structure'] });
  });

  it('finds inflections ("strukturen", "strukturer" find "struktur"), best and recent first', () => {
    expect(find('struktur')).toEqual(['decision m2', 'decision m1', 'note m2']);
    expect(find('strukturer')).toEqual(['decision m2', 'decision m1', 'note m2']);
  });

  it('finds the first part of compounds, one typo in long words, and decomposed letters', () => {
    expect(find('kompetens')).toContain('decision m3');
    expect(find('branchrådet')).toEqual(['decision m2', 'decision m1']);
    expect(find('branscha\u030arådet')).toEqual(['decision m2', 'decision m1']);
    // No typo forgiven in short words: "plam" is not "plan".
    expect(find('plam')).toEqual([]);
  });

  it('filters by kind, year and date, and emphasises the matched words', () => {
    expect(find('beslut struktur 2025')).toEqual(['decision m2', 'decision m1']);
    expect(find('struktur sedan 2025-06-01')).toEqual(['decision m2', 'note m2']);
    const [hit] = index.search(parseSearch('branschrådet'), { drafts: true });
    expect(hit?.excerpt.filter((r) => r.bold).map((r) => r.text)).toEqual(['branschrådet']);
  });

  it("leaves out meetings past the network's retention", () => {
    const kept = new NetworkIndex(content, 'sv', new Date('2025-01-01T00:00:00Z'));
    const meetings = (i: NetworkIndex, line: string) =>
      i.search(parseSearch(line), { drafts: true }).map((h) => h.meetingId);
    expect(meetings(index, 'beslut kompetensförsörjning')).toEqual(['m3']);
    expect(meetings(kept, 'beslut kompetensförsörjning')).toEqual([]);
    expect(meetings(kept, 'beslut branschrådet')).toEqual(['m2', 'm1']);
  });
});
