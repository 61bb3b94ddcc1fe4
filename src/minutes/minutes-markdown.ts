import type { Language } from '../domain/language';
import type { Minutes, MinutesItem, MinutesText } from '../domain/minutes';
import { asRichText, type Run } from '../domain/rich-text';
import { minutesWords } from './minutes-words';

/** Typed text may hold Markdown's own characters; they are shown as typed, never as formatting. */
export const escapeMarkdown = (text: string): string =>
  text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\d+)\./, '$1\\.');

/** One run: its text escaped, its emphasis as Markdown's own (`emphasis` adds italics, as for a decision). */
function runMarkdown(run: Run, emphasis: boolean): string {
  const text = escapeMarkdown(run.text);
  const italic = run.italic || emphasis;
  // Markdown emphasis may not start or end with a space: keep those outside the markers.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (!core) return text;
  const marker = run.bold && italic ? '***' : run.bold ? '**' : italic ? '*' : '';
  return `${lead}${marker}${core}${marker}${trail}`;
}

/** A note or decision as Markdown blocks: paragraphs, `- ` and `1. ` lists; a decision all in italics. */
export function richMarkdown(value: MinutesText, emphasis = false): string[] {
  const runs = (list: Run[]) => list.map((run) => runMarkdown(run, emphasis)).join('');
  return asRichText(value).map((block) =>
    block.kind === 'paragraph'
      ? runs(block.runs)
      : block.items
          .map((item, i) => `${block.kind === 'bullets' ? '-' : `${i + 1}.`} ${runs(item)}`)
          .join('\n'),
  );
}

/**
 * The minutes as Markdown, shaped like the networks' own ("Anteckningar"): attendance, numbered items with
 * presenters and "(bilder finns)", notes, decisions in italics, follow-ups with owner and deadline, who kept the
 * minutes and the coming meetings.
 */
export function renderMinutesMarkdown(minutes: Minutes, language: Language): string {
  const w = minutesWords(language, minutes.layout);
  const { t } = w;
  const e = escapeMarkdown;
  const lines: string[] = [];
  const block = (...more: string[]) => lines.push(...more, '');
  const list = (items: string[]) => block(...items.map((item) => `- ${item}`));

  block(`# ${t('minutes.title')}`);
  const place = w.place(minutes);
  block(
    `**${e(minutes.networkName)}**  `,
    `${e(minutes.meetingTitle)}, ${w.date(minutes.date)}${place ? '  ' : ''}`,
    ...(place ? [e(place)] : []),
  );

  block(`## ${t('attendance.present')}`);
  for (const group of minutes.present) {
    if (group.heading !== undefined)
      block(`### ${group.heading === 'network' ? t('minutes.networkGroup') : e(group.heading)}`);
    list(group.people.length ? group.people.map((p) => e(w.person(p))) : [t('attendance.none')]);
  }
  if (minutes.guests.length) {
    block(`## ${t('attendance.guests')}`);
    list(minutes.guests.map((p) => e(w.person(p))));
  }
  if (minutes.absent.length) {
    block(`## ${t('attendance.absent')}`);
    list(minutes.absent.map((p) => e(w.person(p))));
  }

  const recorded = (item: Pick<MinutesItem, 'notes' | 'decisions' | 'followUps'>) => {
    for (const note of item.notes) for (const part of richMarkdown(note)) block(part);
    for (const decision of item.decisions) for (const part of richMarkdown(decision, true)) block(part);
    if (item.followUps.length) {
      block(`**${t('minutes.followUps')}**`);
      list(
        item.followUps.map((f) => {
          const { owner, rest } = w.followUp(f);
          return `${e(owner)}: ${e(rest)}`;
        }),
      );
    }
  };
  for (const item of minutes.items) {
    block(`## ${item.number}. ${e(item.title)}${item.slides ? ` ${t('agenda.slides')}` : ''}`);
    // Presenters plain, so that only decisions stand out in italics.
    const time = w.itemTime(item);
    if (time) block(e(time));
    if (item.presenters.length) block(e(w.presenters(item.presenters)));
    recorded(item);
    for (const sub of item.subItems ?? []) {
      block(`### ${item.number}${sub.label}. ${e(sub.title)}`);
      if (sub.presenters.length) block(e(w.presenters(sub.presenters)));
      recorded(sub);
    }
  }
  const { other } = minutes;
  if (other.notes.length || other.decisions.length || other.followUps.length) {
    block(`## ${t('minutes.other')}`);
    recorded(other);
  }

  const closing = w.closing(minutes);
  // Hard line breaks ("  "): the closing's lines belong together.
  if (closing.length) block(...closing.map((line, i) => `${e(line)}${i < closing.length - 1 ? '  ' : ''}`));
  if (minutes.upcoming.length) {
    block(`**${t('minutes.upcoming')}**`);
    list(
      minutes.upcoming.map((m, index) =>
        t(index === 0 ? 'minutes.nextMeeting' : 'minutes.laterMeeting', {
          date: w.date(m.date),
          title: e(m.title),
        }),
      ),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
