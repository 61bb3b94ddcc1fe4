import type { Container } from '@azure/cosmos';
import { listInMeeting } from './list-in-meeting';
import { AppError } from '../domain/app-error';
import type { Decision } from '../domain/decision';
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
const MAX_NUMBER_ATTEMPTS = 20;

const strip = (doc: DecisionDocument): Decision => ({
  meetingId: doc.meetingId,
  networkId: doc.networkId,
  number: doc.number,
  ...(doc.item !== undefined ? { item: doc.item } : {}),
  text: doc.text,
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
      let number = (await list(input.meetingId)).reduce((max, d) => Math.max(max, d.number), 0) + 1;
      for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt += 1, number += 1) {
        try {
          const decision: Decision = { ...input, number };
          const { resource } = await container.items.create<DecisionDocument>({
            ...decision,
            id: decisionId(input.meetingId, number),
            type: 'decision',
          });
          return { decision, etag: resource?._etag ?? '' };
        } catch (error) {
          if (!hasStatus(error, 409)) throw storageUnavailable(error, 'record decision');
        }
      }
      throw new AppError('Unavailable', `no free decision number for ${input.meetingId}`);
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
