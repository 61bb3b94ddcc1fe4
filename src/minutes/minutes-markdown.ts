import type { Language } from '../domain/language';
import type { Minutes, MinutesItem } from '../domain/minutes';
import { minutesWords } from './minutes-words';

/** Typed text may hold Markdown's own characters; they are shown as typed, never as formatting. */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/**
 * The minutes as Markdown, shaped like the networks' own ("Anteckningar"): attendance, numbered items with
 * presenters and "(bilder finns)", notes, decisions in italics, follow-ups with owner and deadline, who kept the
 * minutes and the coming meetings.
 */
export function renderMinutesMarkdown(minutes: Minutes, language: Language): string {
  const w = minutesWords(language);
  const { t } = w;
  const e = escapeMarkdown;
  const lines: string[] = [];
  const block = (...more: string[]) => lines.push(...more, '');
  const list = (items: string[]) => block(...items.map((item) => `- ${item}`));

  block(`# ${t('minutes.title')}`);
  block(
    `**${e(minutes.networkName)}**  `,
    `${e(minutes.meetingTitle)}, ${w.date(minutes.date)}  `,
    minutes.place ? e(minutes.place) : t('minutes.digital'),
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
    for (const note of item.notes) block(e(note));
    for (const decision of item.decisions) block(`*${e(decision)}*`);
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
    if (item.presenters.length) block(`_${e(item.presenters.join(', '))}_`);
    recorded(item);
  }
  const { other } = minutes;
  if (other.notes.length || other.decisions.length || other.followUps.length) {
    block(`## ${t('minutes.other')}`);
    recorded(other);
  }

  if (minutes.secretary) block(`${t('minutes.keptBy')}  `, e(minutes.secretary));
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
