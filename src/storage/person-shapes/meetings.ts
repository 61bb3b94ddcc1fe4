import type { Attendance } from '../../domain/attendance';
import type { Decision } from '../../domain/decision';
import type { ItemNote } from '../../domain/item-note';
import type { Minutes } from '../../domain/minutes';
import type { MinutesVersion } from '../../domain/minutes-version';
import type { Rsvp } from '../../domain/rsvp';
import type { Shape, Stored } from '../person-shape';

/** Where the `meetings` container's documents hold a person's data. */
const minutesText = 'typed' as const;
const minutesFollowUps = [{ owner: 'mention', text: 'typed', due: 'none' }] as const;
const minutesShape: Shape<Minutes> = {
  networkName: 'none',
  meetingTitle: 'typed',
  date: 'none',
  place: 'typed',
  present: [
    {
      heading: 'none',
      staff: 'none',
      people: [
        { name: 'mention', organisation: 'none', items: 'none', substituteFor: 'mention', guest: 'none' },
      ],
    },
  ],
  guests: [{ name: 'mention', organisation: 'none', items: 'none', substituteFor: 'mention', guest: 'none' }],
  absent: [{ name: 'mention', organisation: 'none', items: 'none', substituteFor: 'mention', guest: 'none' }],
  items: [
    {
      number: 'none',
      title: 'typed',
      presenters: 'typed',
      slides: 'none',
      time: 'none',
      notes: minutesText,
      decisions: minutesText,
      followUps: minutesFollowUps,
      subItems: [
        {
          label: 'none',
          title: 'typed',
          presenters: 'typed',
          notes: minutesText,
          decisions: minutesText,
          followUps: minutesFollowUps,
        },
      ],
    },
  ],
  other: { notes: minutesText, decisions: minutesText, followUps: minutesFollowUps },
  secretary: 'mention',
  secretaryTitle: 'none',
  upcoming: 'typed',
  layout: 'none',
};

export const rsvp: Shape<Stored<Rsvp, 'rsvp'>> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
  networkId: 'none',
  aadObjectId: 'id',
  userId: 'id',
  name: 'name',
  organisation: 'none',
  answer: 'none',
  substitute: { name: 'mention', organisation: 'none' },
  answeredAt: 'none',
};

export const attendance: Shape<Stored<Attendance, 'attendance'>> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
  networkId: 'none',
  personKey: 'id',
  userId: 'id',
  name: 'name',
  organisation: 'none',
  present: 'none',
  guest: 'none',
  items: 'none',
  substituteFor: { name: 'name', aadObjectId: 'id' },
  sources: 'none',
  firstSeenAt: 'none',
  leftAt: 'none',
  updatedAt: 'none',
};

export const decision: Shape<Stored<Decision, 'decision'>> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
  networkId: 'none',
  number: 'none',
  item: 'none',
  subItem: 'none',
  text: 'typed',
  body: 'typed',
  previous: [{ text: 'typed', changedAt: 'none', changedBy: 'actor' }],
  status: 'none',
  createdBy: 'actor',
  createdAt: 'none',
  updatedAt: 'none',
};

export const itemNote: Shape<Stored<ItemNote, 'itemNote'>> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
  networkId: 'none',
  noteId: 'none',
  item: 'none',
  subItem: 'none',
  text: 'typed',
  body: 'typed',
  createdBy: 'actor',
  createdAt: 'none',
};

export const minutes: Shape<Stored<MinutesVersion, 'minutes'>> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
  networkId: 'none',
  version: 'none',
  status: 'none',
  imported: 'none',
  language: 'none',
  minutes: minutesShape,
  createdBy: 'actor',
  createdAt: 'none',
  updatedAt: 'none',
  approvedBy: 'actor',
  approvedAt: 'none',
};

export const commandMarker: Shape<{ id: string; type: 'commandMarker'; meetingId: string }> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
};
