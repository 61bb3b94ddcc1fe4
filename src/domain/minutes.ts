import type { Attendance } from './attendance';
import { groupAttendance, joinedOnly } from './attendance';
import type { Decision } from './decision';
import type { FollowUp } from './follow-up';
import type { ItemNote } from './item-note';
import type { Meeting } from './meeting';
import { foldName, sameName } from './names';
import type { RosterMember } from './roster';
import { parseRichText, type RichText } from './rich-text';
import { itemTimes } from './agenda-items';
import { DEFAULT_MINUTES_LAYOUT, type MinutesLayout } from './minutes-layout';
import type { LocalDate, LocalTime } from './when/local-date';

/** One person as the minutes list them: "Maria Ljung, GR, punkt 3 och 6". */
export interface MinutesPerson {
  name: string;
  /** Left out inside the staff group, where everyone is of the association. */
  organisation?: string;
  items?: number[];
  substituteFor?: string;
  /** A guest listed among those present ("(gäst)"), in the layouts that mark guests in the list. */
  guest?: true;
}

export interface MinutesItem {
  number: number;
  title: string;
  presenters: string[];
  slides: boolean;
  /** When the layout shows items' times: counted from the start by the agenda's durations. */
  time?: { start: LocalTime; end?: LocalTime };
  notes: MinutesText[];
  decisions: MinutesText[];
  followUps: MinutesFollowUp[];
  /** Sub-topics ("2a"), each with its presenters and what was recorded on it. */
  subItems?: MinutesSubItem[];
}

export interface MinutesSubItem {
  label: string;
  title: string;
  presenters: string[];
  notes: MinutesText[];
  decisions: MinutesText[];
  followUps: MinutesFollowUp[];
}

/**
 * A note or decision in the minutes: its structured text. Versions approved before text had structure hold the
 * plain string, kept as it was approved (renderers read it with `asRichText`).
 */
export type MinutesText = RichText | string;

export interface MinutesFollowUp {
  owner: string;
  text: string;
  /** yyyy-mm-dd in the network's zone. */
  due?: string;
}

/** What the minutes say, in the order they say it; rendering (Markdown, Word, card) adds only words and layout. */
export interface Minutes {
  networkName: string;
  meetingTitle: string;
  date: LocalDate;
  /** "Digitalt möte via Teams" when undefined. */
  place?: string;
  present: { heading?: string; staff: boolean; people: MinutesPerson[] }[];
  guests: MinutesPerson[];
  absent: MinutesPerson[];
  items: MinutesItem[];
  /** Recorded without an item: shown after the items. */
  other: Pick<MinutesItem, 'notes' | 'decisions' | 'followUps'>;
  secretary?: string;
  secretaryTitle?: string;
  upcoming: { date: LocalDate; title: string }[];
  /** Absent in versions made before layouts could be chosen: the default. */
  layout?: MinutesLayout;
}

export interface MinutesInput {
  networkName: string;
  /**
   * The association's own organisation ("GR"): when set, those present are grouped as in the networks' minutes,
   * "Nätverket" (members, with their organisation) and the association's staff (names only, items if not all).
   */
  staffOrganisation?: string;
  meeting: Meeting;
  attendance: Attendance[];
  roster: RosterMember[];
  decisions: Decision[];
  notes: ItemNote[];
  followUps: FollowUp[];
  secretary?: string;
  secretaryTitle?: string;
  layout?: MinutesLayout;
  /** Later meetings of the network, for "Nästa nätverksmöte". */
  upcoming: Meeting[];
}

const person = (p: {
  name: string;
  organisation?: string;
  items?: number[];
  substituteFor?: { name: string };
}): MinutesPerson => ({
  name: p.name,
  ...(p.organisation ? { organisation: p.organisation } : {}),
  ...(p.items?.length ? { items: p.items } : {}),
  ...(p.substituteFor ? { substituteFor: p.substituteFor.name } : {}),
});

const byOrganisationThenName = (a: MinutesPerson, b: MinutesPerson): number =>
  (a.organisation ?? '\uffff').localeCompare(b.organisation ?? '\uffff', 'sv') ||
  a.name.localeCompare(b.name, 'sv');

/** Turns what was recorded at a meeting into the minutes' content. */
export function buildMinutes(input: MinutesInput): Minutes {
  const { meeting } = input;
  // Those only Teams saw join are left out until the chair includes them (end-of-meeting message).
  const groups = groupAttendance(
    input.attendance.filter((record) => !joinedOnly(record)),
    input.roster,
  );
  const staff = input.staffOrganisation ? foldName(input.staffOrganisation) : undefined;
  const isStaff = (p: { organisation?: string }) =>
    !!staff && !!p.organisation && foldName(p.organisation) === staff;
  // The association's people named on the agenda (presenting, or invited for an item) are its staff there; any
  // other guest stays a guest, whatever organisation they come from.
  const onAgenda = (name: string) =>
    meeting.items.some((item) => [...item.presenters, ...item.guests].some((n) => sameName(n, name)));
  const staffGuest = (p: MinutesPerson) => layout.attendance === 'grouped' && isStaff(p) && onAgenda(p.name);

  const layout = input.layout ?? DEFAULT_MINUTES_LAYOUT;
  const members = groups.present.flatMap((group) => group.people).map(person);
  const allGuests = groups.guests.map(person);
  const staffGuests = allGuests.filter(staffGuest);
  const guests = allGuests
    .filter((g) => !staffGuest(g))
    .map((g) => (layout.guests === 'marked' ? { ...g, guest: true as const } : g));
  const marked = layout.guests === 'marked';
  const withoutOrganisation = ({ organisation: _organisation, ...rest }: MinutesPerson): MinutesPerson =>
    rest;
  let present: Minutes['present'];
  if (layout.attendance === 'flat')
    present = [
      { staff: false, people: [...members, ...(marked ? guests : [])].sort(byOrganisationThenName) },
    ];
  else if (staff)
    present = [
      {
        heading: 'network',
        staff: false,
        people: [
          ...members.filter((p) => !isStaff(p)),
          ...(marked ? guests.filter((g) => !isStaff(g)) : []),
        ].sort(byOrganisationThenName),
      },
      {
        heading: input.staffOrganisation ?? '',
        staff: true,
        // The association's staff are listed together, names only; those there for some items last.
        people: [...members.filter(isStaff), ...staffGuests, ...(marked ? guests.filter(isStaff) : [])]
          .map(withoutOrganisation)
          .sort((a, b) => (a.items ? 1 : 0) - (b.items ? 1 : 0) || a.name.localeCompare(b.name, 'sv')),
      },
    ].filter((group) => group.people.length > 0);
  else
    present = [
      { staff: false, people: [...members, ...(marked ? guests : [])].sort(byOrganisationThenName) },
    ];
  const times =
    layout.itemTimes && meeting.items.some((i) => i.minutes) ? itemTimes(meeting.items, meeting.start) : [];

  const active = input.decisions.filter((d) => d.status === 'active').sort((a, b) => a.number - b.number);
  const notes = [...input.notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const followUps = [...input.followUps].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  /** What was recorded on an item (or a sub-item of it); something on a sub-item no longer there goes to the item. */
  const subLabels = (item: number | undefined) =>
    item === undefined ? [] : (meeting.items[item - 1]?.subItems ?? []).map((s) => s.label);
  const on =
    (item: number | undefined, sub: string | undefined) => (r: { item?: number; subItem?: string }) =>
      r.item === item &&
      (sub === undefined ? !r.subItem || !subLabels(item).includes(r.subItem) : r.subItem === sub);
  const recordedFor = (item: number | undefined, sub?: string) => ({
    notes: notes.filter(on(item, sub)).map((n) => n.body ?? parseRichText(n.text)),
    decisions: active.filter(on(item, sub)).map((d) => d.body ?? parseRichText(d.text)),
    followUps: followUps
      .filter(on(item, sub))
      .map((f) => ({ owner: f.owner.name, text: f.text, ...(f.due ? { due: f.due } : {}) })),
  });

  return {
    networkName: input.networkName,
    meetingTitle: meeting.title,
    date: meeting.date,
    ...(meeting.mode === 'physical' && meeting.place ? { place: meeting.place } : {}),
    present,
    guests: marked ? [] : guests.sort(byOrganisationThenName),
    absent: groups.absent.map(person).sort(byOrganisationThenName),
    items: meeting.items.map((item, index) => ({
      number: index + 1,
      title: item.title,
      presenters: item.presenters,
      slides: item.slides,
      ...(times[index] ? { time: times[index] } : {}),
      ...recordedFor(index + 1),
      ...(item.subItems?.length
        ? {
            subItems: item.subItems.map((sub) => ({
              label: sub.label,
              title: sub.title,
              presenters: sub.presenters,
              ...recordedFor(index + 1, sub.label),
            })),
          }
        : {}),
    })),
    other: recordedFor(undefined),
    ...(input.secretary ? { secretary: input.secretary } : {}),
    ...(input.secretary && input.secretaryTitle ? { secretaryTitle: input.secretaryTitle } : {}),
    layout,
    upcoming: input.upcoming
      .filter(
        (m) => m.meetingId !== meeting.meetingId && m.startsAt > meeting.startsAt && m.status !== 'cancelled',
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, 3)
      .map((m) => ({ date: m.date, title: m.title })),
  };
}
