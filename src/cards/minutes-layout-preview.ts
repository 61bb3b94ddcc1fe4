import { buildMinutes } from '../domain/minutes';
import type { Language } from '../domain/language';
import type { MinutesLayout } from '../domain/minutes-layout';
import { minutesWords } from '../minutes/minutes-words';

type Line = { text: string; weight: 'Bolder' | 'Default'; italic: boolean };

const DAY = { year: 2026, month: 11, day: 20 };
const person = (name: string, organisation: string, extra: { guest?: true; items?: number[] } = {}) => ({
  meetingId: 'preview',
  networkId: 'preview',
  personKey: name,
  name,
  organisation,
  present: true,
  sources: ['checkIn' as const],
  updatedAt: '2026-11-20T08:00:00Z',
  ...extra,
});

/**
 * A short example of the minutes in a layout, for the setup card: a few invented people, one guest for two items,
 * an item with its time, and the closing. Built by the same code as the real minutes, so it shows what they will be.
 */
export function layoutPreview(
  layout: MinutesLayout,
  language: Language,
  options: { staffOrganisation?: string; secretaryTitle?: string },
): Line[] {
  const staff = options.staffOrganisation ?? 'GR';
  const minutes = buildMinutes({
    networkName: '',
    staffOrganisation: staff,
    meeting: {
      meetingId: 'preview',
      networkId: 'preview',
      title: language === 'sv' ? 'Nätverksmöte november' : 'November meeting',
      date: DAY,
      start: { hour: 9, minute: 0 },
      end: { hour: 12, minute: 0 },
      timeZone: 'Europe/Stockholm',
      startsAt: '2026-11-20T08:00:00Z',
      endsAt: '2026-11-20T11:00:00Z',
      mode: 'digital',
      items: [
        {
          title: language === 'sv' ? 'Aktuellt läge' : 'Current situation',
          presenters: [],
          guests: [],
          slides: false,
          minutes: 20,
        },
      ],
      status: 'ended',
      createdBy: '',
      createdAt: '',
      updatedAt: '',
    },
    attendance: [
      person('Anna Berg', 'Ale'),
      person('Johan Lind', 'Kungälv'),
      person('Sara Holm', staff),
      person('Eva Ström', 'VGR', { guest: true, items: [1, 3] }),
    ],
    roster: [],
    decisions: [],
    notes: [],
    followUps: [],
    secretary: 'Sara Holm',
    ...(options.secretaryTitle ? { secretaryTitle: options.secretaryTitle } : {}),
    layout,
    upcoming: [],
  });
  const w = minutesWords(language, layout);
  const { t } = w;
  const lines: Line[] = [];
  const line = (text: string, style: Partial<Pick<Line, 'weight' | 'italic'>> = {}) =>
    lines.push({ text, weight: style.weight ?? 'Default', italic: style.italic ?? false });
  line(`${minutes.meetingTitle}, ${w.date(minutes.date)}`);
  const place = w.place(minutes);
  if (place) line(place);
  line(t('attendance.present'), { weight: 'Bolder' });
  for (const group of minutes.present) {
    if (group.heading !== undefined)
      line(group.heading === 'network' ? t('minutes.networkGroup') : group.heading, { italic: true });
    for (const p of group.people) line(w.person(p));
  }
  if (minutes.guests.length) {
    line(t('attendance.guests'), { weight: 'Bolder' });
    for (const p of minutes.guests) line(w.person(p));
  }
  for (const item of minutes.items) {
    line(`${item.number}. ${item.title}`, { weight: 'Bolder' });
    const time = w.itemTime(item);
    if (time) line(time);
  }
  for (const text of w.closing(minutes)) line(text);
  return lines;
}
