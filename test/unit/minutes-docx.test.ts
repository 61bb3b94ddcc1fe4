import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { buildMinutes } from '../../src/domain/minutes';
import { renderMinutesDocx } from '../../src/minutes/minutes-docx';
import { realisticMinutesInput } from '../fixtures/minutes/realistic-meeting';

/** Opens the generated file with a .docx reader (mammoth), as Word would, and looks at its structure. */
describe('minutes as a Word document', () => {
  let html = '';
  let parts: Record<string, string> = {};
  beforeAll(async () => {
    const buffer = await renderMinutesDocx(buildMinutes(realisticMinutesInput('GR')), 'sv');
    html = (await mammoth.convertToHtml({ buffer })).value;
    parts = Object.fromEntries(
      Object.entries(unzipSync(new Uint8Array(buffer))).map(([name, data]) => [name, strFromU8(data)]),
    );
  });

  it('has the headings of the minutes, items numbered with "(bilder finns)"', () => {
    const headings = [...html.matchAll(/<h[12]>([^<]+)<\/h[12]>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'NÄRVARANDE',
      'Nätverket',
      'GR',
      'GÄSTER',
      'EJ NÄRVARANDE',
      '1. Aktuellt läge Covid 19 (bilder finns)',
      '2. Vårdens medarbetare (bilder finns)',
      '3. Remiss regional utvecklingsstrategi',
      '4. Stödcentrum för brottsutsatta',
      '5. Nära vård (bilder finns)',
      '6. Provtagning och skyddsutrustning',
      '7. Nästa möte och studieresa',
      '7a. Höstens möten',
      '7b. Studieresa till Bryssel',
      '7c. Lunch till lunch',
      'Övrigt',
    ]);
  });

  it('lists attendance as bullets: a substitute, staff for items, guests, absentees', () => {
    for (const line of [
      'Monika Fundin, Kungälv (ersättare för Lena Arnfelt)',
      'Maria Ljung, punkt 3 och 6',
      'Theresa Larsen, FoU i Väst, punkt 2',
      'Arto Niskala, Öckerö',
    ])
      expect(html).toContain(`<li>${line}</li>`);
    expect(html).not.toContain('Lena Arnfelt, Kungälv');
  });

  it('sets decisions in italics and lists follow-ups with owner and deadline', () => {
    expect(html).toContain('<p><em>Nätverket beslutar i enlighet med GR:s förslag.</em></p>');
    expect(html).not.toContain('Nätverket avvaktar.');
    expect(html).toContain(
      '<li>Sara Nordenhielm: skickar ut information separat i ett mejl, senast 8 maj 2020</li>',
    );
    expect(html).toContain('<li>GR: återkommer med förslag till tider</li>');
    expect(html).toContain('Vid anteckningarna,<br />Sara Nordenhielm');
  });

  it('keeps a note typed over several lines as paragraphs and a real numbered list with bold and italic runs', () => {
    expect(html).toContain(
      '<p>En arbetsgrupp är tillsatt för att:</p><ol><li>Utveckla metoder för <strong>kompetensförsörjningen</strong> inom äldreomsorgen.</li><li>Etablera en modell för branschråd, <em>på sikt</em> även inom funktionsstöd.</li></ol><p>Uppdragsbeskrivningen skickas ut till nätverket.</p>',
    );
    // A lone asterisk typed in a note is a character, not formatting.
    expect(html).toContain('Förslag på att åka till Bryssel* (preliminärt)');
  });

  it('is accessible: Swedish as its language, Word heading styles, a title, lists numbered by Word', () => {
    const styles = parts['word/styles.xml'] ?? '';
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:docDefaults>/);
    const document = parts['word/document.xml'] ?? '';
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toContain('<w:numPr>');
    expect(parts['word/numbering.xml']).toContain('w:val="decimal"');
    expect(parts['docProps/core.xml']).toContain(
      '<dc:title>Anteckningar Äldreomsorgs- och hälso- och sjukvårdschefer 17 april 2020</dc:title>',
    );
  });
});
