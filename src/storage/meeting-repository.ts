import type { Container } from '@azure/cosmos';
import type { Meeting } from '../domain/meeting';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { queryWhereIn } from './query-where-in';
import { replaceIfUnchanged } from './replace-if-unchanged';

type MeetingDocument = Meeting & { id: string; type: 'meeting'; _etag?: string };

export interface VersionedMeeting {
  meeting: Meeting;
  etag: string;
}

export interface MeetingRepository {
  create(meeting: Meeting): Promise<VersionedMeeting>;
  get(networkId: string, meetingId: string): Promise<VersionedMeeting | undefined>;
  /** Several meetings in one query, by meeting id (those not found left out). */
  getMany(meetingIds: string[]): Promise<Map<string, Meeting>>;
  /** Replaces the meeting if nobody changed it since `etag`; a lost race is a Conflict. */
  replace(meeting: Meeting, etag: string): Promise<VersionedMeeting>;
  /** Meetings not yet over (or still in progress past their planned end), not cancelled or ended, soonest first. */
  upcoming(networkId: string, now: Date): Promise<Meeting[]>;
  /** Meetings that have been held (started or ended), latest first: what minutes can be made of. */
  held(networkId: string): Promise<Meeting[]>;
  /**
   * What a command may record on or correct: meetings held (started or ended) and planned ones not yet over, in one
   * single-partition query (a network holds about a dozen a year, fewer than its retention keeps).
   */
  recordable(networkId: string, now: Date): Promise<Meeting[]>;
  /**
   * Meetings whose agenda is due for automatic posting. `agendaDueAt` exists only until the agenda is posted, so
   * this reads due items only, however many meetings are past or far ahead.
   */
  dueAgendas(now: Date, limit?: number): Promise<Meeting[]>;
  /**
   * The planned or running meeting whose Teams join link has this key (see domain/join-url), nearest `now`: a
   * recurring Teams series shares one link across the network's monthly meetings.
   */
  findByJoinUrlKey(key: string, now: Date): Promise<Meeting | undefined>;
}

const documentId = (meetingId: string): string => `meeting-${meetingId}`;

const toMeeting = (doc: MeetingDocument): Meeting => {
  const { id: _id, type: _type, _etag, ...rest } = doc;
  const { _rid, _self, _ts, _attachments, ...meeting } = rest as Meeting & Record<string, unknown>;
  return meeting;
};

/** Meetings live in their network's partition: a network has about a dozen a year, listed in one query. */
export function createMeetingRepository(container: Container): MeetingRepository {
  /** The network's meetings matching `where` (with `@now` when given), in one single-partition query. */
  const inNetwork = async (networkId: string, where: string, now: Date | undefined, what: string) => {
    try {
      const { resources } = await container.items
        .query<MeetingDocument>(
          {
            query: `SELECT * FROM c WHERE c.networkId = @networkId AND c.type = "meeting" AND ${where}`,
            parameters: [
              { name: '@networkId', value: networkId },
              ...(now ? [{ name: '@now', value: now.toISOString() }] : []),
            ],
          },
          { partitionKey: networkId },
        )
        .fetchAll();
      return resources.map(toMeeting);
    } catch (error) {
      throw storageUnavailable(error, what);
    }
  };

  return {
    async create(meeting) {
      try {
        const { resource } = await container.items.create<MeetingDocument>({
          ...meeting,
          id: documentId(meeting.meetingId),
          type: 'meeting',
        });
        return { meeting, etag: resource?._etag ?? '' };
      } catch (error) {
        throw storageUnavailable(error, 'create meeting');
      }
    },

    async get(networkId, meetingId) {
      try {
        const { resource } = await container.item(documentId(meetingId), networkId).read<MeetingDocument>();
        return resource ? { meeting: toMeeting(resource), etag: resource._etag ?? '' } : undefined;
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read meeting');
      }
    },

    async getMany(meetingIds) {
      const found = await queryWhereIn<MeetingDocument>(
        container,
        { field: 'id', values: meetingIds.map(documentId), type: 'meeting' },
        'read meetings',
      );
      return new Map(found.map((doc) => [doc.meetingId, toMeeting(doc)]));
    },

    async replace(meeting, etag) {
      const newEtag = await replaceIfUnchanged(
        container,
        { ...meeting, id: documentId(meeting.meetingId), type: 'meeting' },
        meeting.networkId,
        etag,
        `meeting ${meeting.meetingId}`,
      );
      return { meeting, etag: newEtag };
    },

    async findByJoinUrlKey(key, now) {
      try {
        const { resources } = await container.items
          .query<MeetingDocument>({
            query:
              'SELECT * FROM c WHERE c.type = "meeting" AND c.joinUrlKey = @key AND (c.status = "planned" OR c.status = "started")',
            parameters: [{ name: '@key', value: key }],
          })
          .fetchAll();
        const distance = (m: Meeting) => Math.abs(new Date(m.startsAt).getTime() - now.getTime());
        return resources.map(toMeeting).sort((a, b) => distance(a) - distance(b))[0];
      } catch (error) {
        throw storageUnavailable(error, 'find meeting by join link');
      }
    },

    async dueAgendas(now, limit = 50) {
      try {
        const { resources } = await container.items
          .query<MeetingDocument>({
            query:
              'SELECT TOP @limit * FROM c WHERE c.type = "meeting" AND c.agendaDueAt <= @now AND c.status = "planned"',
            parameters: [
              { name: '@limit', value: limit },
              { name: '@now', value: now.toISOString() },
            ],
          })
          .fetchAll();
        return resources.map(toMeeting);
      } catch (error) {
        throw storageUnavailable(error, 'query due agendas');
      }
    },

    async upcoming(networkId, now) {
      const found = await inNetwork(
        networkId,
        '(c.endsAt > @now OR c.status = "started") AND c.status != "cancelled" AND c.status != "ended"',
        now,
        'list meetings',
      );
      return found.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },

    recordable: (networkId, now) =>
      inNetwork(
        networkId,
        '(c.status = "started" OR c.status = "ended" OR (c.status = "planned" AND c.endsAt > @now))',
        now,
        'list recordable meetings',
      ),

    async held(networkId) {
      const found = await inNetwork(
        networkId,
        '(c.status = "started" OR c.status = "ended")',
        undefined,
        'list held meetings',
      );
      return found.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    },
  };
}
