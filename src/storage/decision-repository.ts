import type { Container } from '@azure/cosmos';
import { listInMeeting } from './list-in-meeting';
import type { Decision } from '../domain/decision';
import { createNumbered } from './create-numbered';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { replaceIfUnchanged } from './replace-if-unchanged';

type DecisionDocument = Decision & { id: string; type: 'decision'; _etag?: string };

export interface VersionedDecision {
  decision: Decision;
  etag: string;
}

export interface DecisionRepository {
  /** Records a new decision with the next free number. */
  record(decision: Omit<Decision, 'number'>): Promise<VersionedDecision>;
  get(meetingId: string, number: number): Promise<VersionedDecision | undefined>;
  /** Replaces the decision if nobody changed it since `etag`; a lost race is a Conflict. */
  replace(decision: Decision, etag: string): Promise<VersionedDecision>;
  list(meetingId: string): Promise<Decision[]>;
}

const decisionId = (meetingId: string, number: number): string => `decision:${meetingId}:${number}`;

const strip = (doc: DecisionDocument): Decision => ({
  meetingId: doc.meetingId,
  networkId: doc.networkId,
  number: doc.number,
  ...(doc.item !== undefined ? { item: doc.item } : {}),
  ...(doc.subItem ? { subItem: doc.subItem } : {}),
  text: doc.text,
  ...(doc.body ? { body: doc.body } : {}),
  previous: doc.previous,
  status: doc.status,
  createdBy: doc.createdBy,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** Decisions share their meeting's partition; numbers are taken by creating the numbered id (409: taken, next). */
export function createDecisionRepository(container: Container): DecisionRepository {
  const list = async (meetingId: string): Promise<Decision[]> => {
    const resources = await listInMeeting<DecisionDocument>(container, meetingId, 'decision');
    return resources.map(strip).sort((a, b) => a.number - b.number);
  };

  return {
    list,

    async record(input) {
      const first = (await list(input.meetingId)).reduce((max, d) => Math.max(max, d.number), 0) + 1;
      const { number, etag } = await createNumbered(
        container,
        first,
        (n) => ({ ...input, number: n, id: decisionId(input.meetingId, n), type: 'decision' }),
        `decision of ${input.meetingId}`,
      );
      return { decision: { ...input, number }, etag };
    },

    async get(meetingId, number) {
      try {
        const { resource } = await container
          .item(decisionId(meetingId, number), meetingId)
          .read<DecisionDocument>();
        return resource ? { decision: strip(resource), etag: resource._etag ?? '' } : undefined;
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read decision');
      }
    },

    async replace(decision, etag) {
      const newEtag = await replaceIfUnchanged(
        container,
        { ...decision, id: decisionId(decision.meetingId, decision.number), type: 'decision' },
        decision.meetingId,
        etag,
        `decision ${decision.number}`,
      );
      return { decision, etag: newEtag };
    },
  };
}
