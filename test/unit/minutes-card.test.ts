import { renderMinutesCard } from '../../src/cards/minutes-card';
import { buildMinutes } from '../../src/domain/minutes';
import type { MinutesVersion } from '../../src/domain/minutes-version';
import { sv } from '../../src/i18n/sv';
import { realisticMinutesInput, notes } from '../fixtures/minutes/realistic-meeting';
import { cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

const version = (input = realisticMinutesInput('GR')): MinutesVersion => ({
  meetingId: input.meeting.meetingId,
  networkId: input.meeting.networkId,
  version: 1,
  status: 'draft',
  language: 'sv',
  minutes: buildMinutes(input),
  createdBy: 'x',
  createdAt: '2020-04-17T10:00:00Z',
  updatedAt: '2020-04-17T10:00:00Z',
});
const links = {
  docx: 'https://bot.example/minutes/download?token=a',
  md: 'https://bot.example/minutes/download?token=b',
};

describe('the minutes card', () => {
  it('shows the whole minutes of an ordinary meeting, with counts and file links', () => {
    const card = renderMinutesCard({ shows: 'full', version: version(), etag: 'e', links });
    expect(cardProblems(card)).toEqual([]);
    const texts = cardTexts(card);
    // 26 present (16 members, 7 of GR's staff, 3 guests); the 5 absent are not counted.
    expect(texts).toEqual(expect.arrayContaining(['Närvarande', '26', 'Beslut', '4', 'Uppgifter', '4']));
    const closing = texts.indexOf('Vid anteckningarna,');
    expect(texts.slice(closing, closing + 2)).toEqual(['Vid anteckningarna,', 'Sara Nordenhielm']);
    expect(texts).not.toContain(sv['minutes.truncated']);
  });

  it("cuts long minutes well below Teams' message size limit and points to the files", () => {
    const long = realisticMinutesInput('GR');
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...notes[0]!,
      noteId: `long-${i}`,
      text: `Anteckning ${i}: ${'Nätverket diskuterar läget i kommunerna. '.repeat(6)}`,
    }));
    const card = renderMinutesCard({
      shows: 'full',
      version: version({ ...long, notes: [...long.notes, ...many] }),
      etag: 'e',
      links,
    });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
    expect(cardTexts(card)).toContain(sv['minutes.truncated']);
  });

  it('shows only counts and an open button as a summary', () => {
    const card = renderMinutesCard({ shows: 'summary', version: version(), etag: 'e', links });
    expect(JSON.stringify(card)).not.toContain('Nordenhielm');
    expect(JSON.stringify(card)).not.toContain('token=');
    expect(cardTexts(card)).toContain(sv['minutes.openDraft']);
  });
});
