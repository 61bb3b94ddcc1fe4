import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMinutes } from '../../src/domain/minutes';
import { escapeMarkdown, renderMinutesMarkdown } from '../../src/minutes/minutes-markdown';
import { realisticMinutesInput } from '../fixtures/minutes/realistic-meeting';

const golden = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'minutes', name), 'utf8');

describe('minutes as Markdown', () => {
  it('reads like the Swedish samples: staff grouped apart, guests with items, a substitute, decisions in italics', () => {
    expect(renderMinutesMarkdown(buildMinutes(realisticMinutesInput('GR')), 'sv')).toBe(
      golden('realistic.sv.md'),
    );
  });

  it('the same meeting in English, present grouped by organisation', () => {
    expect(renderMinutesMarkdown(buildMinutes(realisticMinutesInput()), 'en')).toBe(
      golden('realistic.en.md'),
    );
  });

  it('keeps Swedish letters composed and lists 31 people from 13 municipalities and the association', () => {
    const text = renderMinutesMarkdown(buildMinutes(realisticMinutesInput('GR')), 'sv');
    expect(text).toBe(text.normalize('NFC'));
    const attendance = text.slice(text.indexOf('## NÄRVARANDE'), text.indexOf('## 1.'));
    const people = attendance.split('\n').filter((line) => line.startsWith('- '));
    expect(people).toHaveLength(31);
    const organisations = new Set(people.flatMap((line) => /, ([^,(]+?)(?: \(|,|$)/.exec(line)?.[1] ?? []));
    expect(
      [...organisations].filter((o) => !['FoU i Väst', 'VGR', 'GR'].includes(o) && !o.startsWith('punkt')),
    ).toHaveLength(13);
  });

  it('shows typed Markdown characters as typed', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) #f')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\#f');
  });
});
