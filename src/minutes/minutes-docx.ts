import { LOCALES } from '../i18n/format-when';
import type { HeadingLevel as HeadingLevels, Paragraph as DocxParagraph, TextRun as DocxTextRun } from 'docx';
import type { Language } from '../domain/language';
import type { Minutes, MinutesItem, MinutesText } from '../domain/minutes';
import { asRichText, type Run } from '../domain/rich-text';
import { minutesWords } from './minutes-words';

/**
 * The minutes as a Word document the secretary can edit: the same content and order as the Markdown, with real
 * heading styles, Word's own list numbering, runs in bold and italics (decisions in italics), the document's
 * language and title set: what accessibility checks (EN 301 549) and archives read. The `docx` library is loaded
 * on first use: most processes never render a Word file, and it is some 13 MB of memory.
 */
export async function renderMinutesDocx(minutes: Minutes, language: Language): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } =
    await import('docx');
  const w = minutesWords(language, minutes.layout);
  const { t } = w;
  const body: DocxParagraph[] = [];
  let lists = 0;
  const heading = (text: string, level: (typeof HeadingLevels)[keyof typeof HeadingLevels]) =>
    body.push(new Paragraph({ text, heading: level }));
  const paragraph = (...runs: DocxTextRun[]) => body.push(new Paragraph({ children: runs }));
  const runsOf = (runs: Run[], emphasis = false) =>
    runs.map(
      (run) =>
        new TextRun({
          text: run.text,
          ...(run.bold ? { bold: true } : {}),
          ...(run.italic || emphasis ? { italics: true } : {}),
        }),
    );
  /** One list: each gets its own instance, so a numbered list starts again at 1. */
  const list = (kind: 'bullets' | 'numbers', items: DocxTextRun[][]) => {
    lists += 1;
    for (const children of items)
      body.push(new Paragraph({ children, numbering: { reference: kind, level: 0, instance: lists } }));
  };
  const bullets = (lines: string[]) =>
    list(
      'bullets',
      lines.map((text) => [new TextRun(text)]),
    );
  const rich = (value: MinutesText, emphasis = false) => {
    for (const block of asRichText(value))
      if (block.kind === 'paragraph') paragraph(...runsOf(block.runs, emphasis));
      else
        list(
          block.kind === 'bullets' ? 'bullets' : 'numbers',
          block.items.map((item) => runsOf(item, emphasis)),
        );
  };

  heading(t('minutes.title'), HeadingLevel.TITLE);
  paragraph(new TextRun({ text: minutes.networkName, bold: true }));
  paragraph(new TextRun(`${minutes.meetingTitle}, ${w.date(minutes.date)}`));
  const place = w.place(minutes);
  if (place) paragraph(new TextRun(place));

  heading(t('attendance.present'), HeadingLevel.HEADING_1);
  for (const group of minutes.present) {
    if (group.heading !== undefined)
      heading(
        group.heading === 'network' ? t('minutes.networkGroup') : group.heading,
        HeadingLevel.HEADING_2,
      );
    bullets(group.people.length ? group.people.map(w.person) : [t('attendance.none')]);
  }
  if (minutes.guests.length) {
    heading(t('attendance.guests'), HeadingLevel.HEADING_1);
    bullets(minutes.guests.map(w.person));
  }
  if (minutes.absent.length) {
    heading(t('attendance.absent'), HeadingLevel.HEADING_1);
    bullets(minutes.absent.map(w.person));
  }

  const recorded = (item: Pick<MinutesItem, 'notes' | 'decisions' | 'followUps'>) => {
    for (const note of item.notes) rich(note);
    for (const decision of item.decisions) rich(decision, true);
    if (item.followUps.length) {
      paragraph(new TextRun({ text: t('minutes.followUps'), bold: true }));
      bullets(
        item.followUps.map((f) => {
          const { owner, rest } = w.followUp(f);
          return `${owner}: ${rest}`;
        }),
      );
    }
  };
  for (const item of minutes.items) {
    heading(
      `${item.number}. ${item.title}${item.slides ? ` ${t('agenda.slides')}` : ''}`,
      HeadingLevel.HEADING_1,
    );
    const time = w.itemTime(item);
    if (time) paragraph(new TextRun(time));
    // Presenters plain, so that only decisions stand out in italics.
    if (item.presenters.length) paragraph(new TextRun(w.presenters(item.presenters)));
    recorded(item);
    for (const sub of item.subItems ?? []) {
      heading(`${item.number}${sub.label}. ${sub.title}`, HeadingLevel.HEADING_2);
      if (sub.presenters.length) paragraph(new TextRun(w.presenters(sub.presenters)));
      recorded(sub);
    }
  }
  const { other } = minutes;
  if (other.notes.length || other.decisions.length || other.followUps.length) {
    heading(t('minutes.other'), HeadingLevel.HEADING_1);
    recorded(other);
  }
  const closing = w.closing(minutes);
  if (closing.length)
    paragraph(...closing.map((text, i) => new TextRun(i === 0 ? { text } : { text, break: 1 })));
  if (minutes.upcoming.length) {
    paragraph(new TextRun({ text: t('minutes.upcoming'), bold: true }));
    bullets(
      minutes.upcoming.map((m, index) =>
        t(index === 0 ? 'minutes.nextMeeting' : 'minutes.laterMeeting', {
          date: w.date(m.date),
          title: m.title,
        }),
      ),
    );
  }

  const indent = { paragraph: { indent: { left: 720, hanging: 360 } } };
  const document = new Document({
    creator: 'Anteckna',
    title: `${t('minutes.title')} ${minutes.networkName} ${w.date(minutes.date)}`,
    // The document's language, so Word proofs it in it and screen readers read it so.
    styles: { default: { document: { run: { language: { value: LOCALES[language] } } } } },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: indent },
          ],
        },
        {
          reference: 'numbers',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: indent,
            },
          ],
        },
      ],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
