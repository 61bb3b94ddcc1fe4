import type { HeadingLevel as HeadingLevels, Paragraph as DocxParagraph, TextRun as DocxTextRun } from 'docx';
import type { Language } from '../domain/language';
import type { Minutes, MinutesItem } from '../domain/minutes';
import { minutesWords } from './minutes-words';

/**
 * The minutes as a Word document the secretary can edit: the same content and order as the Markdown, with real
 * headings, bulleted lists and decisions in italics. The `docx` library is loaded on first use: most processes
 * never render a Word file, and it is some 13 MB of memory.
 */
export async function renderMinutesDocx(minutes: Minutes, language: Language): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const w = minutesWords(language);
  const { t } = w;
  const body: DocxParagraph[] = [];
  const heading = (text: string, level: (typeof HeadingLevels)[keyof typeof HeadingLevels]) =>
    body.push(new Paragraph({ text, heading: level }));
  const paragraph = (...runs: DocxTextRun[]) => body.push(new Paragraph({ children: runs }));
  const bullets = (lines: string[]) =>
    lines.forEach((text) => body.push(new Paragraph({ text, bullet: { level: 0 } })));

  heading(t('minutes.title'), HeadingLevel.TITLE);
  paragraph(new TextRun({ text: minutes.networkName, bold: true }));
  paragraph(new TextRun(`${minutes.meetingTitle}, ${w.date(minutes.date)}`));
  paragraph(new TextRun(minutes.place ?? t('minutes.digital')));

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
    for (const note of item.notes) paragraph(new TextRun(note));
    for (const decision of item.decisions) paragraph(new TextRun({ text: decision, italics: true }));
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
    if (item.presenters.length) paragraph(new TextRun({ text: item.presenters.join(', '), italics: true }));
    recorded(item);
  }
  const { other } = minutes;
  if (other.notes.length || other.decisions.length || other.followUps.length) {
    heading(t('minutes.other'), HeadingLevel.HEADING_1);
    recorded(other);
  }
  if (minutes.secretary)
    paragraph(new TextRun(t('minutes.keptBy')), new TextRun({ text: minutes.secretary, break: 1 }));
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

  const document = new Document({
    creator: 'Anteckna',
    title: `${t('minutes.title')} ${minutes.networkName} ${w.date(minutes.date)}`,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
