import type { ContainerName } from './containers';
import { personalDocumentId } from './conversation-repository';
import type { AnyShape } from './person-shape';
import * as conversations from './person-shapes/conversations';
import * as followUps from './person-shapes/follow-ups';
import * as meetings from './person-shapes/meetings';
import * as networks from './person-shapes/networks';

export type { AnyShape, Holds, Shape } from './person-shape';

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

/**
 * Every kind of document Anteckna stores, with where it holds a person's ids, name and e-mail: the one list the
 * export and the erasure read (and the acceptance tests check against every stored document). Leases hold none.
 */
export const DOCUMENT_KINDS = {
  conversation: {
    container: 'conversations',
    shape: conversations.conversation,
    // Their own 1:1 chat goes; a group chat they installed the app in is the network's.
    whenAbout: (doc) => (doc.conversationType === 'personal' ? 'delete' : 'pseudonymise'),
  },
  personalChat: {
    container: 'conversations',
    shape: conversations.personalChat,
    whenAbout: 'delete',
    idFor: personalDocumentId,
  },
  meetingLink: { container: 'conversations', shape: conversations.meetingLink, whenAbout: 'pseudonymise' },
  // Only its sender may confirm a pending import: it served them alone.
  pendingImport: { container: 'conversations', shape: conversations.pendingImport, whenAbout: 'delete' },
  network: { container: 'networks', shape: networks.network, whenAbout: 'pseudonymise' },
  member: { container: 'networks', shape: networks.member, whenAbout: 'delete' },
  meeting: { container: 'networks', shape: networks.meeting, whenAbout: 'pseudonymise' },
  digest: { container: 'networks', shape: networks.digest, whenAbout: 'pseudonymise' },
  erasedPerson: { container: 'networks', shape: networks.erasedPerson, whenAbout: 'pseudonymise' },
  rsvp: { container: 'meetings', shape: meetings.rsvp, whenAbout: 'delete' },
  attendance: { container: 'meetings', shape: meetings.attendance, whenAbout: 'pseudonymise' },
  decision: { container: 'meetings', shape: meetings.decision, whenAbout: 'pseudonymise' },
  itemNote: { container: 'meetings', shape: meetings.itemNote, whenAbout: 'pseudonymise' },
  minutes: {
    container: 'meetings',
    shape: meetings.minutes,
    whenAbout: 'pseudonymise',
    record: (doc) => doc.status === 'approved',
  },
  commandMarker: { container: 'meetings', shape: meetings.commandMarker, whenAbout: 'pseudonymise' },
  followUp: { container: 'followUps', shape: followUps.followUp, whenAbout: 'pseudonymise' },
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
