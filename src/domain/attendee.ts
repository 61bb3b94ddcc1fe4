import type { AgendaItem } from './agenda-items';
import type { Attendance } from './attendance';
import { sameName } from './names';
import type { RosterMember } from './roster';
import type { Rsvp } from './rsvp';

export type AttendeeStanding = Pick<Attendance, 'organisation' | 'guest' | 'items' | 'substituteFor'>;

/** The items (1-based) an agenda names this person on, as presenter or guest. */
export function itemsNaming(name: string, items: AgendaItem[]): number[] {
  return items.flatMap((item, index) =>
    [...item.presenters, ...item.guests].some((typed) => sameName(typed, name)) ? [index + 1] : [],
  );
}

/**
 * How someone who turns up counts. A network member counts for their organisation for the whole meeting. Someone a
 * member named as their substitute counts for that member's organisation, in their place. Anyone else is a guest,
 * present for the items the agenda names them on (or the whole meeting if none).
 */
export function attendeeStanding(
  name: string,
  member: Pick<RosterMember, 'organisation' | 'guest' | 'status'> | undefined,
  rsvps: Pick<Rsvp, 'aadObjectId' | 'name' | 'organisation' | 'answer' | 'substitute'>[],
  agenda: AgendaItem[],
): AttendeeStanding {
  if (member && member.status === 'member' && !member.guest)
    return member.organisation ? { organisation: member.organisation } : {};
  const replaced = rsvps.find(
    (rsvp) => rsvp.answer === 'substitute' && rsvp.substitute && sameName(rsvp.substitute.name, name),
  );
  if (replaced?.substitute) {
    const organisation = replaced.substitute.organisation || replaced.organisation;
    return {
      ...(organisation ? { organisation } : {}),
      substituteFor: { name: replaced.name, aadObjectId: replaced.aadObjectId },
    };
  }
  const items = itemsNaming(name, agenda);
  return {
    guest: true,
    ...(member?.organisation ? { organisation: member.organisation } : {}),
    ...(items.length ? { items } : {}),
  };
}
