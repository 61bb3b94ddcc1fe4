import { DateTime } from 'luxon';
import { foldName } from '../domain/names';
import { parseWhen } from '../domain/when/parse-when';
import { addDays, isoDate } from '../domain/when/local-date';

/** What someone takes on, as the networks write it: "Sara skickar ut …", "GR tar med sig frågan", "… får uppdraget". */
const ACTION =
  /^(.+?)\s+(skickar(?: ut)?|tar med sig|tar reda på|tar fram|återkommer|undersöker|sammanställer|kontaktar|bjuder in|bokar|ordnar|samordnar|meddelar|mejlar|mailar|kallar|kommer att|ska|får (?:i )?uppdrag(?:et)?|sends?|will|takes?|follows? up|contacts?|invites?)\b(.*)$/i;
const DEADLINE =
  /\b(?:senast|innan|före|till|by|before)\s+(?:den\s+|the\s+)?((?:\d{1,2}(?:\s+|\/)\p{L}+\.?(?:\s+\d{4})?)|(?:\d{4}-\d{2}-\d{2})|(?:v(?:ecka)?\.?\s*\d{1,2})|(?:week\s*\d{1,2}))/iu;
const WEEK = /^(?:v(?:ecka)?\.?|week)\s*(\d{1,2})$/i;

/** A deadline read from the meeting's day (the next such date after it), not from today. */
export function deadlineOf(
  sentence: string,
  meetingDate: string | null,
  zone: string,
): string | null | undefined {
  const match = DEADLINE.exec(sentence);
  if (!match) return null;
  const text = match[1]!.replace(/\.$/, '');
  const from = meetingDate
    ? DateTime.fromISO(meetingDate, { zone }).set({ hour: 12 }).toJSDate()
    : new Date();
  const week = WEEK.exec(text);
  const when = parseWhen(week ? `vecka ${week[1]}` : text, { now: from, zone });
  if (!when.ok) return undefined;
  // "senast v 47": the Friday of that week.
  return isoDate(when.when.kind === 'day' ? when.when.date : addDays(when.when.first, 4));
}

/**
 * A follow-up in a sentence: an owner who is a person of the meeting (full name, or a first name only one has) or
 * an organisation, then what they will do, with a deadline when one is written. Undefined when the sentence is not one.
 */
export function followUpOf(
  sentence: string,
  owners: { people: string[]; organisations: string[] },
): { owner: string; text: string } | undefined {
  const match = ACTION.exec(sentence.trim());
  if (!match) return undefined;
  const who = match[1]!.replace(/^(?:och|and)\s+/i, '').trim();
  if (who.split(' ').length > 5) return undefined;
  const names = who.split(/\s+(?:och|and|&)\s+|,\s*/);
  const known = names.map((name) => {
    const folded = foldName(name);
    const person = owners.people.find((p) => foldName(p) === folded);
    const byFirst = owners.people.filter((p) => foldName(p.split(' ')[0] ?? '') === folded);
    const organisation = owners.organisations.find((o) => foldName(o) === folded);
    return person ?? (byFirst.length === 1 ? byFirst[0] : undefined) ?? organisation;
  });
  if (known.some((k) => k === undefined)) return undefined;
  return {
    owner: (known as string[]).join(' och '),
    text: `${match[2]}${match[3]}`.replace(/[\s.]+$/, '').trim(),
  };
}

/** The follow-up's words without the deadline, which is stored apart. */
export const withoutDeadline = (text: string): string =>
  text.replace(new RegExp(`\\s*,?\\s*(?:klart?\\s+)?${DEADLINE.source}.*$`, 'iu'), '').trim();

/** A coming meeting's day as yyyy-mm-dd, read forward from the meeting's day; as written when it cannot be read. */
export function upcomingDate(written: string, meetingDate: string | null, zone: string): string {
  const from = meetingDate
    ? DateTime.fromISO(meetingDate, { zone }).set({ hour: 12 }).toJSDate()
    : new Date();
  const when = parseWhen(written, { now: from, zone, direction: meetingDate ? 'future' : 'nearest' });
  return when.ok && when.when.kind === 'day' ? isoDate(when.when.date) : written;
}
