import { formatAgendaLine, parseAgendaLines } from '../../src/domain/agenda-items';

describe('parseAgendaLines', () => {
  it('reads items as the networks write them: presenters, slides, guests, minutes, in line order', () => {
    const { items, problems } = parseAgendaLines(
      [
        '1. Aktuellt läge Covid 19 – Lena Holmlund, Sara Nordenhielm (bilder finns)',
        '',
        '2. Vårdens medarbetare - Anna Haglund och Theresa Larsen (bilder) gäster: Anna Haglund 20 min',
        'Äldre- och hälso- och sjukvårdschefsnätverket: övriga frågor',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        title: 'Aktuellt läge Covid 19',
        presenters: ['Lena Holmlund', 'Sara Nordenhielm'],
        guests: [],
        slides: true,
      },
      {
        title: 'Vårdens medarbetare',
        presenters: ['Anna Haglund', 'Theresa Larsen'],
        guests: ['Anna Haglund'],
        slides: true,
        minutes: 20,
      },
      {
        title: 'Äldre- och hälso- och sjukvårdschefsnätverket: övriga frågor',
        presenters: [],
        guests: [],
        slides: false,
      },
    ]);
  });

  it('reads English keywords too', () => {
    expect(
      parseAgendaLines(
        'Close-to-home care – Maria Ljung (slides) guests: Leif Sandsjö, Yvonne Witzoe 15 minutes',
      ).items,
    ).toEqual([
      {
        title: 'Close-to-home care',
        presenters: ['Maria Ljung'],
        guests: ['Leif Sandsjö', 'Yvonne Witzoe'],
        slides: true,
        minutes: 15,
      },
    ]);
  });

  it('reports lines without a title or with an over-long one, and too many items', () => {
    expect(parseAgendaLines('– Lena Holmlund\nOK').problems).toEqual([{ line: 1, problem: 'emptyTitle' }]);
    expect(parseAgendaLines('x'.repeat(201)).problems).toEqual([{ line: 1, problem: 'titleTooLong' }]);
    expect(parseAgendaLines(Array.from({ length: 31 }, (_, i) => `Punkt ${i}`).join('\n')).problems).toEqual([
      { line: 31, problem: 'tooManyItems' },
    ]);
  });

  it('gives back the same item from its edit line, in both languages', () => {
    const item = {
      title: 'Nära vård',
      presenters: ['Anna Haglund', 'Theresa Larsen'],
      guests: ['Maria Ljung'],
      slides: true,
      minutes: 30,
    };
    expect(parseAgendaLines(formatAgendaLine(item, 'sv')).items).toEqual([item]);
    expect(parseAgendaLines(formatAgendaLine(item, 'en')).items).toEqual([item]);
  });

  it('reads presenters with their organisations, never a known organisation as a person, and sub-items', () => {
    const { items, unsure } = parseAgendaLines(
      [
        '1. Samverkan – Jeanette Andersson, VästKom och Björn Khalin VGR (bilder)',
        '2. Korta punkter',
        '2a. Aktuellt läge Yrkesresan – Maria Ljung (GR)',
        '2b) Stödcentrum – Anna Svensson, Kungälvs kommun',
        '3. Nära vård',
        '    Kontaktpersoner – Lena',
        '    - Uppföljning',
      ].join('\n'),
      ['VästKom', 'Kungälv'],
    );
    expect(items.map((i) => [i.title, i.presenters])).toEqual([
      ['Samverkan', ['Jeanette Andersson, VästKom', 'Björn Khalin, VGR']],
      ['Korta punkter', []],
      ['Nära vård', []],
    ]);
    expect(items[1]?.subItems).toEqual([
      { label: 'a', title: 'Aktuellt läge Yrkesresan', presenters: ['Maria Ljung, GR'] },
      { label: 'b', title: 'Stödcentrum', presenters: ['Anna Svensson, Kungälvs kommun'] },
    ]);
    expect(items[2]?.subItems).toEqual([
      { label: 'a', title: 'Kontaktpersoner', presenters: ['Lena'] },
      { label: 'b', title: 'Uppföljning', presenters: [] },
    ]);
    expect(unsure).toEqual([{ text: 'Lena', readAs: 'person' }]);
    // A whole list typed indented is items, not sub-items of the first.
    expect(parseAgendaLines('  1. Ett\n  2. Två').items.map((i) => i.title)).toEqual(['Ett', 'Två']);
  });

  it('writes items with sub-items and organisations back as lines that read the same', () => {
    const { items } = parseAgendaLines(
      '1. Samverkan – Jeanette Andersson, VästKom och Björn Khalin VGR\n1a. Del ett – Maria Ljung (GR)',
      ['VästKom'],
    );
    const again = parseAgendaLines(items.map((item) => formatAgendaLine(item, 'sv')).join('\n'), ['VästKom']);
    expect(again.items).toEqual(items);
  });
});
