import type { Attendance } from '../domain/attendance';
import type { ConversationRecord, ConversationReferenceData } from '../domain/conversation';
import type { Decision } from '../domain/decision';
import type { FollowUp } from '../domain/follow-up';
import type { ItemNote } from '../domain/item-note';
import type { Meeting } from '../domain/meeting';
import type { Minutes } from '../domain/minutes';
import type { MinutesVersion } from '../domain/minutes-version';
import type { Network } from '../domain/network';
import type { OverdueDigest } from '../domain/reminders/overdue-digest';
import type { RosterMember } from '../domain/roster';
import type { Rsvp } from '../domain/rsvp';
import type { ContainerName } from './containers';
import type { ErasedPerson } from './erased-people';
import type { MeetingLink } from './meeting-link-repository';
import type { PendingImport } from './pending-import-repository';
import { personalDocumentId, type PersonalChat } from './conversation-repository';

/**
 * What a field holds about a person:
 * - `id`: an id of the one the object it sits in is about (Entra object id, Teams user id, a guest's roster id);
 * - `actor`: the id of someone who did something recorded there (created, changed, approved it);
 * - `name`: the name of the one the object is about, written by the bot from Teams or the roster;
 * - `mention`: a name written alone by the bot (an earlier owner, a name in drafted minutes);
 * - `email`;
 * - `typed`: text people typed (agenda, decisions, notes, tasks, imported minutes): kept by an erasure, read for
 *   their name by an export;
 * - `none`: nothing about a person.
 */
export type Holds = 'id' | 'actor' | 'name' | 'mention' | 'email' | 'typed' | 'none';

type Primitive = string | number | boolean;
type AllKeys<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * A document's shape with every field's `Holds`: keyed by the type itself, so a field added to a stored type does
 * not compile until it is declared here. An object or list of objects is declared field by field, or whole
 * (`none`, `typed`); a list of strings by what each string holds.
 */
export type Shape<T> = { [K in AllKeys<T>]-?: FieldShape<NonNullable<ValueAt<T, K>>> };
type FieldShape<V> = [V] extends [Primitive]
  ? Holds
  : [V] extends [readonly (infer E)[]]
    ? [E] extends [Primitive]
      ? Holds
      : readonly [Shape<E>] | 'none' | 'typed'
    : Shape<V> | 'none' | 'typed';

/** The shape of a field, as the walk reads it. */
export type AnyShape = Holds | readonly [AnyShape] | { readonly [field: string]: AnyShape };

/** What an erasure does with a document about the person (an `id` at its top matches them). */
export type WhenAbout = 'delete' | 'pseudonymise';

export interface DocumentKind {
  container: Exclude<ContainerName, 'leases'>;
  shape: AnyShape;
  whenAbout: WhenAbout | ((doc: Record<string, unknown>) => WhenAbout);
  /** Kept as it was: names and text are the network's record (approved minutes); ids of actors still go. */
  record?: (doc: Record<string, unknown>) => boolean;
  /** A document stored under an id derived from the person's (their 1:1 chat): about them by its id alone. */
  idFor?: (personKey: string) => string;
}

type Stored<T, K extends string> = T & { id: string; type: K };

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

const reference: Shape<ConversationReferenceData> = {
  conversationId: 'none',
  conversationType: 'none',
  tenantId: 'none',
  serviceUrl: 'none',
  channelId: 'none',
  botId: 'none',
  botName: 'none',
  teamId: 'none',
  locale: 'none',
};

const conversation: Shape<ConversationRecord> = {
  ...reference,
  id: 'none',
  status: 'none',
  installedByAadObjectId: 'id',
  installedAt: 'none',
  updatedAt: 'none',
};

const personalChat: Shape<PersonalChat & { id: string }> = {
  id: 'none',
  reference,
  status: 'none',
  httpStatus: 'none',
  updatedAt: 'none',
};

const meetingLink: Shape<Stored<MeetingLink, 'meetingLink'>> = {
  id: 'none',
  type: 'none',
  meetingChatId: 'none',
  networkId: 'none',
  meetingId: 'none',
  teamsMeetingId: 'none',
  linkedAt: 'none',
};

const pendingImport: Shape<Stored<PendingImport, 'pendingImport'> & { ttl: number }> = {
  id: 'none',
  type: 'none',
  ttl: 'none',
  importId: 'none',
  by: 'id',
  networkIds: 'none',
  file: 'typed',
  contentHash: 'none',
  minutes: 'typed',
  createdAt: 'none',
};

const personRef = { aadObjectId: 'id', name: 'name' } as const;
const network: Shape<Stored<Network, 'network'>> = {
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

const member: Shape<Stored<RosterMember, 'member'>> = {
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

const meeting: Shape<Stored<Meeting, 'meeting'>> = {
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

const digest: Shape<Stored<OverdueDigest, 'digest'>> = {
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

const erasedPerson: Shape<Stored<ErasedPerson, 'erasedPerson'>> = {
  id: 'none',
  type: 'none',
  networkId: 'none',
  salt: 'none',
  keys: 'none',
  erasedAt: 'none',
};

const rsvp: Shape<Stored<Rsvp, 'rsvp'>> = {
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

const attendance: Shape<Stored<Attendance, 'attendance'>> = {
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

const decision: Shape<Stored<Decision, 'decision'>> = {
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

const itemNote: Shape<Stored<ItemNote, 'itemNote'>> = {
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

const minutes: Shape<Stored<MinutesVersion, 'minutes'>> = {
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

const commandMarker: Shape<{ id: string; type: 'commandMarker'; meetingId: string }> = {
  id: 'none',
  type: 'none',
  meetingId: 'none',
};

const followUp: Shape<Stored<FollowUp, 'followUp'>> = {
  id: 'none',
  type: 'none',
  networkId: 'none',
  followUpId: 'none',
  meetingId: 'none',
  item: 'none',
  subItem: 'none',
  owner: { kind: 'none', name: 'name', userId: 'id', aadObjectId: 'id', organisation: 'none' },
  text: 'typed',
  due: 'none',
  status: 'none',
  // `from` is the earlier owner's name on a reassignment (an earlier deadline otherwise).
  changes: [{ kind: 'none', at: 'none', by: 'actor', from: 'mention' }],
  revision: 'none',
  // The scheduler's claims and the reminders sent: instance ids and times.
  reminders: 'none',
  ownerErasedAt: 'none',
  createdBy: 'actor',
  createdAt: 'none',
  updatedAt: 'none',
};

/**
 * Every kind of document Anteckna stores, with where it holds a person's ids, name and e-mail: the one list the
 * export and the erasure read (and the acceptance tests check against every stored document). Leases hold none.
 */
export const DOCUMENT_KINDS = {
  conversation: {
    container: 'conversations',
    shape: conversation,
    // Their own 1:1 chat goes; a group chat they installed the app in is the network's.
    whenAbout: (doc) => (doc.conversationType === 'personal' ? 'delete' : 'pseudonymise'),
  },
  personalChat: {
    container: 'conversations',
    shape: personalChat,
    whenAbout: 'delete',
    idFor: personalDocumentId,
  },
  meetingLink: { container: 'conversations', shape: meetingLink, whenAbout: 'pseudonymise' },
  // Only its sender may confirm a pending import: it served them alone.
  pendingImport: { container: 'conversations', shape: pendingImport, whenAbout: 'delete' },
  network: { container: 'networks', shape: network, whenAbout: 'pseudonymise' },
  member: { container: 'networks', shape: member, whenAbout: 'delete' },
  meeting: { container: 'networks', shape: meeting, whenAbout: 'pseudonymise' },
  digest: { container: 'networks', shape: digest, whenAbout: 'pseudonymise' },
  erasedPerson: { container: 'networks', shape: erasedPerson, whenAbout: 'pseudonymise' },
  rsvp: { container: 'meetings', shape: rsvp, whenAbout: 'delete' },
  attendance: { container: 'meetings', shape: attendance, whenAbout: 'pseudonymise' },
  decision: { container: 'meetings', shape: decision, whenAbout: 'pseudonymise' },
  itemNote: { container: 'meetings', shape: itemNote, whenAbout: 'pseudonymise' },
  minutes: {
    container: 'meetings',
    shape: minutes,
    whenAbout: 'pseudonymise',
    record: (doc) => doc.status === 'approved',
  },
  commandMarker: { container: 'meetings', shape: commandMarker, whenAbout: 'pseudonymise' },
  followUp: { container: 'followUps', shape: followUp, whenAbout: 'pseudonymise' },
} satisfies Record<string, DocumentKind>;

export type DocumentKindName = keyof typeof DOCUMENT_KINDS;

/** Which kind a stored document is: its `type`, or for a conversation's records (which have none) its id. */
export function kindOf(container: ContainerName, doc: Record<string, unknown>): DocumentKindName | undefined {
  const kind =
    typeof doc.type === 'string'
      ? doc.type
      : container === 'conversations' && typeof doc.id === 'string'
        ? doc.id.startsWith('personal-')
          ? 'personalChat'
          : doc.id.startsWith('conv-')
            ? 'conversation'
            : undefined
        : undefined;
  if (kind === undefined || !(kind in DOCUMENT_KINDS)) return undefined;
  return DOCUMENT_KINDS[kind as DocumentKindName].container === container
    ? (kind as DocumentKindName)
    : undefined;
}
