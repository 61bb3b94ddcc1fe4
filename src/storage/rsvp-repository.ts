import { listInMeeting } from './list-in-meeting';
import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Rsvp } from '../domain/rsvp';
import { createBatchedUpsert } from './batched-upsert';
import { hasStatus, storageUnavailable } from './cosmos-errors';

type RsvpDocument = Rsvp & { id: string; type: 'rsvp' };

export interface RsvpRepository {
  /** Stores the member's current answer; the same answer delivered twice is still one document. */
  save(rsvp: Rsvp): Promise<void>;
  get(meetingId: string, aadObjectId: string): Promise<Rsvp | undefined>;
  list(meetingId: string): Promise<Rsvp[]>;
}

/** Deterministic id per member and meeting (hashed: Teams and Entra ids are long). */
export const rsvpId = (meetingId: string, aadObjectId: string): string =>
  `rsvp:${meetingId}:${createHash('sha256').update(aadObjectId).digest('base64url')}`;

const strip = ({
  meetingId,
  networkId,
  aadObjectId,
  userId,
  name,
  organisation,
  answer,
  substitute,
  answeredAt,
}: RsvpDocument): Rsvp => ({
  meetingId,
  networkId,
  aadObjectId,
  userId,
  name,
  ...(organisation ? { organisation } : {}),
  answer,
  ...(substitute ? { substitute } : {}),
  answeredAt,
});

/**
 * RSVPs are partitioned by meeting: 500 members answering at once write 500 separate documents, and the answers that
 * arrive together go to Cosmos as one batch (`createBatchedUpsert`).
 */
export function createRsvpRepository(container: Container): RsvpRepository {
  const upsert = createBatchedUpsert(container);
  return {
    async save(rsvp) {
      try {
        const document: RsvpDocument = {
          ...rsvp,
          id: rsvpId(rsvp.meetingId, rsvp.aadObjectId),
          type: 'rsvp',
        };
        await upsert(rsvp.meetingId, document);
      } catch (error) {
        throw storageUnavailable(error, 'save rsvp');
      }
    },

    async get(meetingId, aadObjectId) {
      try {
        const { resource } = await container
          .item(rsvpId(meetingId, aadObjectId), meetingId)
          .read<RsvpDocument>();
        return resource ? strip(resource) : undefined;
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read rsvp');
      }
    },

    async list(meetingId) {
      const resources = await listInMeeting<RsvpDocument>(container, meetingId, 'rsvp');
      return resources.map(strip);
    },
  };
}
