import mammoth from 'mammoth';
import { minutesCardBody } from '../../src/cards/minutes-card-body';
import { layoutPreview } from '../../src/cards/minutes-layout-preview';
import { buildMinutes } from '../../src/domain/minutes';
import { minutesLayoutOf, type MinutesLayout } from '../../src/domain/minutes-layout';
import { renderMinutesDocx } from '../../src/minutes/minutes-docx';
import { renderMinutesMarkdown } from '../../src/minutes/minutes-markdown';
import { cardTexts } from '../helpers/teams-activity';
import { meeting, realisticMinutesInput } from '../fixtures/minutes/realistic-meeting';

/** The realistic meeting (26 present, GR the association) in a layout; expectations written from its data. */
const minutesIn = (layout: Partial<MinutesLayout>, extra: { secretaryTitle?: string } = {}) =>
  buildMinutes({ ...realisticMinutesInput('GR'), layout: minutesLayoutOf(layout), ...extra });
const markdownIn = (layout: Partial<MinutesLayout>, language: 'sv' | 'en' = 'sv', extra = {}) =>
  renderMinutesMarkdown(minutesIn(layout, extra), language);
const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

describe('minutes in each layout a network uses', () => {
  it('flat: one "Namn, Organisation" list, the association\'s people with their organisation; guests apart', () => {
    const text = markdownIn({ attendance: 'flat' });
    const present = section(text, '## NÄRVARANDE', '## GÄSTER');
    expect(present).not.toContain('###');
    expect(present).toContain('- Lena Holmlund, GR\n');
    expect(present).toContain('- Monika Fundin, Kungälv (ersättare för Lena Arnfelt)\n');
    const guests = section(text, '## GÄSTER', '## EJ NÄRVARANDE');
    for (const line of [
      '- Anita Toth, GR, punkt 1',
      '- Maria Ljung, GR, punkt 3 och 6',
      '- Cecilia Axelsson, GR, punkt 2',
      '- Theresa Larsen, FoU i Väst, punkt 2',
      '- Linnea Winckler, VGR, punkt 4',
    ])
      expect(guests).toContain(`${line}\n`);
  });

  it('flat with guests marked in the list: no GÄSTER section, every guest "(gäst)"', () => {
    const text = markdownIn({ attendance: 'flat', guests: 'marked' });
    expect(text).not.toContain('## GÄSTER');
    const present = section(text, '## NÄRVARANDE', '## EJ NÄRVARANDE');
    expect(present).toContain('- Anita Toth, GR (gäst), punkt 1\n');
    expect(present).toContain('- Linnea Winckler, VGR (gäst), punkt 4\n');
    expect(present).toContain('- Ebba Gierow, Ale\n');
    expect(markdownIn({ attendance: 'flat', guests: 'marked' }, 'en')).toContain(
      '- Anita Toth, GR (guest), item 1\n',
    );
  });

  it("grouped with guests marked: the association's people on the agenda are its staff; a guest stays a guest", () => {
    const text = markdownIn({ attendance: 'grouped', guests: 'marked' });
    const staff = section(text, '### GR', '## EJ NÄRVARANDE');
    expect(staff).toContain('- Anita Toth, punkt 1\n');
    expect(staff).toContain('- Cecilia Axelsson (gäst), punkt 2\n');
    const network = section(text, '### Nätverket', '### GR');
    expect(network).toContain('- Theresa Larsen, FoU i Väst (gäst), punkt 2\n');
    // And with guests in their own section, the association's guest is there, with her organisation.
    expect(section(markdownIn({}), '## GÄSTER', '## EJ NÄRVARANDE')).toContain(
      '- Cecilia Axelsson, GR, punkt 2\n',
    );
  });

  it('"p 3, 6" item marks', () => {
    const text = markdownIn({ itemMarks: 'p' });
    expect(text).toContain('- Maria Ljung, p 3, 6\n');
    expect(text).toContain('- Linnea Winckler, VGR, p 4\n');
    expect(text).not.toContain('punkt 3 och 6');
  });

  it('"Antecknat av" with name and title on the lines after; "Vid anteckningarna," by default', () => {
    expect(markdownIn({ closing: 'antecknat' }, 'sv', { secretaryTitle: 'Förbundssekreterare' })).toContain(
      'Antecknat av  \nSara Nordenhielm  \nFörbundssekreterare\n',
    );
    expect(markdownIn({})).toContain('Vid anteckningarna,  \nSara Nordenhielm\n');
  });

  it('item times counted from the start when shown, and the place line left out when not', () => {
    const timed = realisticMinutesInput('GR');
    const items = timed.meeting.items.map((item, i) => ({ ...item, minutes: [20, 40, 15][i] }));
    const text = renderMinutesMarkdown(
      buildMinutes({
        ...timed,
        meeting: { ...meeting, items },
        layout: minutesLayoutOf({ itemTimes: true }),
      }),
      'sv',
    );
    expect(text).toContain('## 1. Aktuellt läge Covid 19 (bilder finns)\n\nkl. 09:00–09:20\n');
    expect(text).toContain('## 2. Vårdens medarbetare (bilder finns)\n\nkl. 09:20–10:00\n');
    expect(text).toContain('## 4. Stödcentrum för brottsutsatta\n\nkl. 10:15\n');
    expect(text).not.toMatch(/## 5\. Nära vård \(bilder finns\)\n\nkl\./);
    expect(markdownIn({})).toContain('Digitalt möte via Teams');
    expect(markdownIn({ placeLine: false })).not.toContain('Digitalt möte via Teams');
  });

  it('the same in the Word file and the chat card', async () => {
    const minutes = minutesIn(
      { attendance: 'flat', guests: 'marked', closing: 'antecknat' },
      { secretaryTitle: 'Förbundssekreterare' },
    );
    const html = (await mammoth.convertToHtml({ buffer: await renderMinutesDocx(minutes, 'sv') })).value;
    expect(html).toContain('<li>Anita Toth, GR (gäst), punkt 1</li>');
    expect(html).not.toContain('<h1>GÄSTER</h1>');
    expect(html).toContain('Antecknat av<br />Sara Nordenhielm<br />Förbundssekreterare');
    const texts = cardTexts(minutesCardBody(minutes, 'sv').elements);
    const closing = texts.indexOf('Antecknat av');
    expect(texts.slice(closing, closing + 3)).toEqual([
      'Antecknat av',
      'Sara Nordenhielm',
      'Förbundssekreterare',
    ]);
    expect(texts.join('\n')).toContain('- Anita Toth, GR (gäst), punkt 1');
  });

  it('previews a layout on the setup card with a short example', () => {
    const lines = (layout: Partial<MinutesLayout>, title?: string) =>
      layoutPreview(minutesLayoutOf(layout), 'sv', title ? { secretaryTitle: title } : {}).map((l) => l.text);
    expect(lines({})).toEqual([
      'Nätverksmöte november, 20 november 2026',
      'Digitalt möte via Teams',
      'NÄRVARANDE',
      'Nätverket',
      'Anna Berg, Ale',
      'Johan Lind, Kungälv',
      'GR',
      'Sara Holm',
      'GÄSTER',
      'Eva Ström, VGR, punkt 1 och 3',
      '1. Aktuellt läge',
      'Vid anteckningarna,',
      'Sara Holm',
    ]);
    expect(
      lines(
        {
          attendance: 'flat',
          guests: 'marked',
          itemMarks: 'p',
          closing: 'antecknat',
          itemTimes: true,
          placeLine: false,
        },
        'Förbundssekreterare',
      ),
    ).toEqual([
      'Nätverksmöte november, 20 november 2026',
      'NÄRVARANDE',
      'Anna Berg, Ale',
      'Sara Holm, GR',
      'Johan Lind, Kungälv',
      'Eva Ström, VGR (gäst), p 1, 3',
      '1. Aktuellt läge',
      'kl. 09:00–09:20',
      'Antecknat av',
      'Sara Holm',
      'Förbundssekreterare',
    ]);
  });
});
