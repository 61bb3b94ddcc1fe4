import type { Language } from '../domain/language';
import type { Minutes, MinutesItem, MinutesText } from '../domain/minutes';
import { asRichText, type Run } from '../domain/rich-text';
import { escapeMarkdown } from '../minutes/minutes-markdown';
import { minutesWords } from '../minutes/minutes-words';

type Element = Record<string, unknown>;

/** Cards stay far below Teams' message size limit: longer minutes are cut here and read whole in the file. */
export const CARD_TEXT_MAX = 12_000;

const textRun = (run: Run, extra: { italic?: boolean; subtle?: boolean } = {}): Element => ({
  type: 'TextRun',
  text: run.text,
  ...(run.bold ? { weight: 'Bolder' } : {}),
  ...(run.italic || extra.italic ? { italic: true } : {}),
  ...(extra.subtle ? { isSubtle: true } : {}),
});

/** Text people typed, as text runs: a RichTextBlock renders no Markdown, so nothing in it is read as markup. */
const runs = (
  list: Run[],
  extra: { italic?: boolean; subtle?: boolean; spacing?: string } = {},
): Element => ({
  type: 'RichTextBlock',
  inlines: list.map((run) => textRun(run, extra)),
  ...(extra.spacing ? { spacing: extra.spacing } : {}),
});

const plain = (text: string, extra: { italic?: boolean; subtle?: boolean; spacing?: string } = {}) =>
  runs([{ text }], extra);

/**
 * The minutes as Adaptive Card elements, in the order of the minutes: heading lines each their own block,
 * attendance as lists under their headings, each item a section with its presenters, notes (paragraphs and lists),
 * decisions set apart in an emphasised container, and follow-ups. Stops, saying so, at `CARD_TEXT_MAX` characters.
 */
export function minutesCardBody(
  minutes: Minutes,
  language: Language,
): { elements: Element[]; truncated: boolean } {
  const w = minutesWords(language, minutes.layout);
  const { t } = w;
  const elements: Element[] = [];
  let used = 0;
  let truncated = false;
  /** Adds elements while the budget lasts; false once the card is full. */
  const add = (size: number, ...more: Element[]): boolean => {
    if (truncated) return false;
    if (used + size > CARD_TEXT_MAX) {
      truncated = true;
      return false;
    }
    used += size;
    elements.push(...more);
    return true;
  };
  const heading = (text: string, size: 'Medium' | 'Default' = 'Default') =>
    add(text.length, {
      type: 'TextBlock',
      text: escapeMarkdown(text),
      weight: 'Bolder',
      size,
      wrap: true,
      spacing: 'Medium',
      ...(size === 'Medium' ? { style: 'heading' } : {}),
    });
  // A Markdown list in one TextBlock, each line escaped: names, not markup.
  const list = (lines: string[]) =>
    add(lines.join('').length, {
      type: 'TextBlock',
      text: lines.map((line) => `- ${escapeMarkdown(line)}`).join('\r'),
      wrap: true,
      spacing: 'Small',
    });
  const rich = (value: MinutesText, italic = false) => {
    for (const block of asRichText(value)) {
      if (block.kind === 'paragraph')
        add(
          block.runs.reduce((n, r) => n + r.text.length, 0),
          runs(block.runs, { italic }),
        );
      else
        block.items.forEach((item, i) => {
          const mark = block.kind === 'bullets' ? '• ' : `${i + 1}. `;
          add(
            item.reduce((n, r) => n + r.text.length, 0),
            runs([{ text: mark }, ...item], { italic, spacing: 'None' }),
          );
        });
    }
  };

  add(minutes.networkName.length, runs([{ text: minutes.networkName, bold: true }]));
  add(
    minutes.meetingTitle.length,
    plain(`${minutes.meetingTitle}, ${w.date(minutes.date)}`, { spacing: 'None' }),
  );
  const place = w.place(minutes);
  if (place) add(place.length, plain(place, { subtle: true, spacing: 'None' }));

  heading(t('attendance.present'));
  for (const group of minutes.present) {
    if (group.heading !== undefined)
      add(group.heading.length, {
        type: 'TextBlock',
        text: escapeMarkdown(group.heading === 'network' ? t('minutes.networkGroup') : group.heading),
        weight: 'Bolder',
        isSubtle: true,
        wrap: true,
        spacing: 'Small',
      });
    list(group.people.length ? group.people.map(w.person) : [t('attendance.none')]);
  }
  if (minutes.guests.length) {
    heading(t('attendance.guests'));
    list(minutes.guests.map(w.person));
  }
  if (minutes.absent.length) {
    heading(t('attendance.absent'));
    list(minutes.absent.map(w.person));
  }

  const recorded = (item: Pick<MinutesItem, 'notes' | 'decisions' | 'followUps'>) => {
    for (const note of item.notes) rich(note);
    if (item.decisions.length) {
      const before = elements.length;
      for (const decision of item.decisions) rich(decision, true);
      // Decisions set apart: their own emphasised container, labelled, in italics.
      const decided = elements.splice(before);
      if (decided.length)
        elements.push({
          type: 'Container',
          style: 'emphasis',
          spacing: 'Small',
          items: [
            {
              type: 'TextBlock',
              text: t('minutes.decisionLabel'),
              weight: 'Bolder',
              size: 'Small',
              wrap: true,
            },
            ...decided,
          ],
        });
    }
    if (item.followUps.length) {
      add(20, {
        type: 'TextBlock',
        text: t('minutes.followUps'),
        weight: 'Bolder',
        wrap: true,
        spacing: 'Small',
      });
      list(
        item.followUps.map((f) => {
          const { owner, rest } = w.followUp(f);
          return `${owner}: ${rest}`;
        }),
      );
    }
  };
  for (const item of minutes.items) {
    const title = `${item.number}. ${item.title}${item.slides ? ` ${t('agenda.slides')}` : ''}`;
    // A text run, not a TextBlock: "2. Title" in Markdown is a list item.
    if (!add(title.length, { ...runs([{ text: title, bold: true }]), separator: true, spacing: 'Medium' }))
      break;
    const time = w.itemTime(item);
    if (time) add(time.length, plain(time, { subtle: true, spacing: 'None' }));
    if (item.presenters.length)
      add(40, plain(w.presenters(item.presenters), { subtle: true, spacing: 'None' }));
    recorded(item);
    for (const sub of item.subItems ?? []) {
      const subTitle = `${item.number}${sub.label}. ${sub.title}`;
      if (!add(subTitle.length, { ...runs([{ text: subTitle, bold: true }]), spacing: 'Small' })) break;
      if (sub.presenters.length)
        add(40, plain(w.presenters(sub.presenters), { subtle: true, spacing: 'None' }));
      recorded(sub);
    }
  }
  const { other } = minutes;
  if (other.notes.length || other.decisions.length || other.followUps.length) {
    heading(t('minutes.other'));
    recorded(other);
  }
  const closing = w.closing(minutes);
  if (closing.length) add(40, ...closing.map((line, i) => plain(line, i === 0 ? {} : { spacing: 'None' })));
  if (minutes.upcoming.length) {
    add(20, { type: 'TextBlock', text: t('minutes.upcoming'), weight: 'Bolder', wrap: true });
    list(
      minutes.upcoming.map((m, index) =>
        t(index === 0 ? 'minutes.nextMeeting' : 'minutes.laterMeeting', {
          date: w.date(m.date),
          title: m.title,
        }),
      ),
    );
  }
  return { elements, truncated };
}
