import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import type { OverdueDigest } from '../../domain/reminders/overdue-digest';
import type { RosterMember } from '../../domain/roster';
import type { ErasedPerson } from '../erased-people';
import type { Shape, Stored } from '../person-shape';

/** Where the `networks` container's documents hold a person's data. */
const personRef = { aadObjectId: 'id', name: 'name' } as const;
export const network: Shape<Stored<Network, 'network'>> = {
  id: 'none',
  type: 'none',
  networkId: 'none',
  conversationId: 'none',
  status: 'none',
  settings: {
    name: 'typed',
    chairs: [personRef],
    secretary: personRef,
    language: 'none',
    timeZone: 'none',
    agendaLeadDays: 'none',
    staffOrganisation: 'none',
    reminders: 'none',
    minutesLayout: 'none',
    secretaryTitle: 'none',
    retentionMonths: 'none',
  },
  createdAt: 'none',
  updatedAt: 'none',
};

export const member: Shape<Stored<RosterMember, 'member'>> = {
  id: 'none',
  type: 'none',
  networkId: 'none',
  userId: 'id',
  aadObjectId: 'id',
  name: 'name',
  email: 'email',
  organisation: 'none',
  suggestedOrganisation: 'none',
  guest: 'none',
  status: 'none',
  updatedAt: 'none',
};

export const meeting: Shape<Stored<Meeting, 'meeting'>> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
  networkId: 'none',
  title: 'typed',
  date: 'none',
  start: 'none',
  end: 'none',
  timeZone: 'none',
  startsAt: 'none',
  endsAt: 'none',
  mode: 'none',
  joinUrl: 'none',
  joinUrlKey: 'none',
  place: 'typed',
  items: 'typed',
  status: 'none',
  agendaActivityId: 'none',
  agendaDueAt: 'none',
  agendaPostedAt: 'none',
  // An instance's id, not a person's.
  agendaClaim: 'none',
  lastNudgedAt: 'none',
  currentItem: 'none',
  startedAt: 'none',
  endedAt: 'none',
  recordedAfter: 'none',
  importedFrom: 'typed',
  minutesApprovedAt: 'none',
  createdBy: 'actor',
  createdAt: 'none',
  updatedAt: 'none',
};

export const digest: Shape<Stored<OverdueDigest, 'digest'>> = {
  id: 'none',
  type: 'none',
  networkId: 'none',
  nextAt: 'none',
  claim: 'none',
  lastKey: 'none',
  // Entra ids of those who had the digest now due.
  sentTo: 'actor',
  failures: 'none',
};

export const erasedPerson: Shape<Stored<ErasedPerson, 'erasedPerson'>> = {
  id: 'none',
  type: 'none',
  networkId: 'none',
  salt: 'none',
  keys: 'none',
  erasedAt: 'none',
};
