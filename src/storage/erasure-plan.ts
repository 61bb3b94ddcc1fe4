import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { attendanceId } from './attendance-repository';
import type { PersonContainer, StoredDocument } from './person-documents';
import { DOCUMENT_KINDS, type AnyShape, type DocumentKind, type DocumentKindName } from './person-fields';
import { walkPerson, type Findings, type Sought } from './person-walk';

/** What replaces a name that was erased, in the records that stay. */
export const ERASED_NAME = 'Borttagen person';

/** An open task of theirs, now owned by "Borttagen person": for a chair to give to someone else. */
export interface OrphanedFollowUp {
  networkId: string;
  followUpId: string;
  text: string;
  due?: string;
}

/** A document found holding the person, with how. */
export interface Hit {
  container: PersonContainer;
  kind: DocumentKindName | undefined;
  doc: StoredDocument;
  findings: Findings;
  /** The document is theirs by its id (their 1:1 chat and its conversation). */
  theirsById: boolean;
}

/** The document as written: its id and type kept, Cosmos' own fields left out. */
export const plain = (doc: StoredDocument): Record<string, unknown> => {
  const { _etag, _rid, _self, _ts, _attachments, _lsn, ...written } = doc;
  return written;
};
export const shapeOf = (kind: DocumentKindName | undefined): AnyShape =>
  kind ? DOCUMENT_KINDS[kind].shape : {};
export const isTheirs = (hit: Hit) => hit.theirsById || hit.findings.about.includes('');

export type Plan =
  | { keep: true }
  | { delete: true }
  | { replace: Record<string, unknown> }
  | { rekey: Record<string, unknown> };

/** What the erasure makes of one document; `open` when it was their open task. */
export function erasurePlan(
  hit: Hit,
  sought: Sought,
  pseudonym: string,
  now: Date,
): { plan: Plan; open?: OrphanedFollowUp } {
  const kind: DocumentKind | undefined = hit.kind ? DOCUMENT_KINDS[hit.kind] : undefined;
  const whenAbout = typeof kind?.whenAbout === 'function' ? kind.whenAbout(hit.doc) : kind?.whenAbout;
  // Walked again as it is now (a document changed meanwhile is read again before this).
  const { result, findings } = walkPerson(plain(hit.doc), shapeOf(hit.kind), sought, {
    pseudonym,
    erasedName: ERASED_NAME,
    record: kind?.record?.(hit.doc) ?? false,
  });
  const theirs = isTheirs({ ...hit, findings });
  if (theirs && whenAbout === 'delete') return { plan: { delete: true } };
  if (hit.kind === 'attendance' && theirs) {
    // Attendance is keyed by the person's id: the record moves to a random key, so nobody holding the id finds it.
    const { userId: _user, ...rest } = result;
    const personKey = `erased:${randomUUID()}`;
    return {
      plan: { rekey: { ...rest, personKey, id: attendanceId(String(hit.doc.meetingId), personKey) } },
    };
  }
  if (hit.kind === 'followUp' && findings.about.includes('owner')) {
    // Their task stays in the records, reminding nobody; an open one no longer holds its meeting back.
    const reminders = result.reminders as { nextAt?: string; claim?: unknown } | undefined;
    const { nextAt: _next, claim: _claim, ...kept } = reminders ?? {};
    const task = {
      ...result,
      owner: { kind: 'person', name: ERASED_NAME },
      ownerErasedAt: now.toISOString(),
      ...(reminders ? { reminders: kept } : {}),
    };
    return {
      plan: { replace: task },
      ...(hit.doc.status === 'open'
        ? {
            open: {
              networkId: String(hit.doc.networkId),
              followUpId: String(hit.doc.followUpId),
              text: String(hit.doc.text),
              ...(typeof hit.doc.due === 'string' ? { due: hit.doc.due } : {}),
            },
          }
        : {}),
    };
  }
  // Only named in text people typed: nothing to change, nothing to write.
  if (isDeepStrictEqual(result, plain(hit.doc))) return { plan: { keep: true } };
  return { plan: { replace: result } };
}
