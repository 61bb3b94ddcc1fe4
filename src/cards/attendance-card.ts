import template from '../../adaptiveCards/attendance.json';
import type { AttendanceGroups } from '../domain/attendance';
import type { Language } from '../domain/language';
import { personLine } from '../i18n/attendance-lines';
import { createTranslator } from '../i18n/translator';
import { renderTemplate, type AdaptiveCardJson } from './render-template';

type Line = { text: string };

/**
 * `närvaro` as a card: NÄRVARANDE by organisation, GÄSTER, EJ NÄRVARANDE, each heading its own block. As one
 * Markdown message Teams ran the headings into the list lines before them. Names and organisations are text runs,
 * so nothing people typed is read as markup.
 */
export function renderAttendanceCard(view: {
  language: Language;
  title: string;
  groups: AttendanceGroups;
}): AdaptiveCardJson {
  const { language, groups } = view;
  const t = createTranslator(language);
  const none: Line[] = [{ text: t('attendance.none') }];
  // Guests are under their own heading here: no "(gäst)" mark on their lines.
  const lines = (people: Parameters<typeof personLine>[0][]): Line[] =>
    people.length
      ? people.map(({ guest: _guest, ...person }) => ({ text: personLine(person, language, t) }))
      : none;
  return renderTemplate(template, {
    title: view.title,
    sections: [
      {
        heading: t('attendance.present'),
        groups: groups.present.length
          ? groups.present.map((group) => ({
              organisation: group.organisation ?? '',
              // The organisation heads its group, so each line is the name alone, as the minutes write it.
              lines: lines(group.people.map(({ organisation: _o, ...person }) => person)),
            }))
          : [{ organisation: '', lines: none }],
      },
      { heading: t('attendance.guests'), groups: [{ organisation: '', lines: lines(groups.guests) }] },
      { heading: t('attendance.absent'), groups: [{ organisation: '', lines: lines(groups.absent) }] },
    ],
  });
}
