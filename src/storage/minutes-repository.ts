import type { Container } from '@azure/cosmos';
import type { MinutesVersion } from '../domain/minutes-version';
import { createNumbered } from './create-numbered';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { listInMeeting } from './list-in-meeting';
import { replaceIfUnchanged } from './replace-if-unchanged';
import { withoutSystemFields, type StoredFields } from './without-system-fields';

type MinutesDocument = MinutesVersion & StoredFields & { type: 'minutes' };

export interface VersionedMinutes {
  minutes: MinutesVersion;
  etag: string;
}

export interface MinutesRepository {
  /** The newest version of a meeting's minutes, if any. */
  latest(meetingId: string): Promise<VersionedMinutes | undefined>;
  get(meetingId: string, version: number): Promise<VersionedMinutes | undefined>;
  /** Creates the next version; two at once both get their own number. */
  createNext(minutes: Omit<MinutesVersion, 'version'>): Promise<VersionedMinutes>;
  /** Replaces a version if nobody changed it since `etag`; a lost race is a Conflict. */
  replace(minutes: MinutesVersion, etag: string): Promise<VersionedMinutes>;
}

const minutesId = (meetingId: string, version: number) => `minutes:${meetingId}:${version}`;

const strip = (doc: MinutesDocument): VersionedMinutes => ({
  minutes: withoutSystemFields<MinutesVersion>(doc),
  etag: doc._etag ?? '',
});

/** Minutes share their meeting's partition; versions are numbered by creating the numbered id (409: taken). */
export function createMinutesRepository(container: Container): MinutesRepository {
  const all = async (meetingId: string) =>
    (await listInMeeting<MinutesDocument>(container, meetingId, 'minutes')).sort(
      (a, b) => b.version - a.version,
    );

  return {
    async latest(meetingId) {
      const [newest] = await all(meetingId);
      return newest ? strip(newest) : undefined;
    },

    async get(meetingId, version) {
      try {
        const { resource } = await container
          .item(minutesId(meetingId, version), meetingId)
          .read<MinutesDocument>();
        return resource ? strip(resource) : undefined;
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read minutes');
      }
    },

    async createNext(input) {
      const first = ((await all(input.meetingId))[0]?.version ?? 0) + 1;
      const { number, etag } = await createNumbered(
        container,
        first,
        (version) => ({ ...input, version, id: minutesId(input.meetingId, version), type: 'minutes' }),
        `minutes of ${input.meetingId}`,
      );
      return { minutes: { ...input, version: number }, etag };
    },

    async replace(minutes, etag) {
      const newEtag = await replaceIfUnchanged(
        container,
        { ...minutes, id: minutesId(minutes.meetingId, minutes.version), type: 'minutes' },
        minutes.meetingId,
        etag,
        `minutes version ${minutes.version}`,
      );
      return { minutes, etag: newEtag };
    },
  };
}
