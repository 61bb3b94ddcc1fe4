import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { MINUTES_FILE_MAX, MinutesFileError, readMinutesFile } from '../../src/import/minutes-file';

/** A set of minutes as a secretary writes them in Word: a heading, attendance in a table, numbered item headings. */
async function wordMinutes(): Promise<Buffer> {
  const row = (name: string, organisation: string) =>
    new TableRow({
      children: [name, organisation].map((text) => new TableCell({ children: [new Paragraph(text)] })),
    });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Anteckningar', heading: HeadingLevel.TITLE }),
          new Paragraph('Kompetensnätverket, 3 februari 2026'),
          new Paragraph({ text: 'NÄRVARANDE', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [row('Namn', 'Organisation'), row('Lisa Ahl', 'Ale kommun'), row('Olof Bring', 'GR')],
          }),
          new Paragraph({ text: 'EJ NÄRVARANDE', heading: HeadingLevel.HEADING_1 }),
          new Table({ rows: [row('Pia Carlén', 'Lerums kommun')] }),
          new Paragraph({ text: '1. Lägesbild – Olof Bring, GR', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Olof berättar om läget.'),
          new Paragraph({
            children: [new TextRun({ text: 'Nätverket ställer sig bakom lägesbilden.', italics: true })],
          }),
          new Paragraph({ text: '2. Övrigt', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Lisa skickar ut kallelsen senast den 20 feb.'),
          new Paragraph('Vid anteckningarna, Olof Bring'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe('reading a minutes file', () => {
  it('reads a Word document: its table of names and organisations, headings, italics, deadlines', async () => {
    const minutes = await readMinutesFile('februari.docx', await wordMinutes());
    expect(minutes.meeting.date).toBe('2026-02-03');
    expect(minutes.attendance).toEqual([
      { name: 'Lisa Ahl', organisation: 'Ale kommun', status: 'present', items: [] },
      { name: 'Olof Bring', organisation: 'GR', status: 'present', items: [] },
      { name: 'Pia Carlén', organisation: 'Lerums kommun', status: 'absent', items: [] },
    ]);
    expect(minutes.items.map((i) => [i.number, i.title, i.presenters])).toEqual([
      [1, 'Lägesbild', [{ name: 'Olof Bring', organisation: 'GR' }]],
      [2, 'Övrigt', []],
    ]);
    expect(minutes.decisions).toEqual([{ item: 1, text: 'Nätverket ställer sig bakom lägesbilden.' }]);
    expect(minutes.followUps).toEqual([
      { item: 2, owner: 'Lisa Ahl', text: 'skickar ut kallelsen', due: '2026-02-20' },
    ]);
    expect(minutes.secretary).toEqual({ name: 'Olof Bring', title: null });
  });

  it('refuses a file over 5 MB unread, and a Word file that is not one', async () => {
    await expect(readMinutesFile('stor.txt', Buffer.alloc(MINUTES_FILE_MAX + 1, 'a'))).rejects.toMatchObject({
      problem: 'tooLarge',
    });
    // An encrypted .docx is an OLE compound file, not a zip.
    const encrypted = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readMinutesFile('hemlig.docx', encrypted)).rejects.toBeInstanceOf(MinutesFileError);
    await expect(readMinutesFile('hemlig.docx', encrypted)).rejects.toMatchObject({ problem: 'unreadable' });
  });

  it('reads a Word table with a presence column, its blank cells kept in place', async () => {
    const row = (...cells: string[]) =>
      new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
    const buffer = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('Nätverksmöte 2026-03-03'),
              new Paragraph('NÄRVARANDE'),
              new Table({
                rows: [
                  row('Namn', 'Organisation', 'Närvarande'),
                  row('Lisa Ahl', 'Ale', 'X'),
                  row('Olof Bring', 'GR', ''),
                ],
              }),
              new Paragraph('1. Läget'),
            ],
          },
        ],
      }),
    );
    const minutes = await readMinutesFile('mars.docx', buffer);
    expect(minutes.attendance.map((p) => [p.name, p.organisation, p.status])).toEqual([
      ['Lisa Ahl', 'Ale', 'present'],
      ['Olof Bring', 'GR', 'absent'],
    ]);
  });
});
