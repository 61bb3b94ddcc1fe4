import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { asBookkeeping } from './turn-writes';

export interface CommandMarkerRepository {
  /**
   * True for the first delivery of a command activity in a meeting, false for a redelivery (Teams retries). The
   * marker is created before the command's own write; `release` removes it when that write fails, so a retry runs.
   */
  firstDelivery(meetingId: string, activityId: string): Promise<boolean>;
  release(meetingId: string, activityId: string): Promise<void>;
}

const markerId = (meetingId: string, activityId: string): string =>
  `command:${meetingId}:${createHash('sha256').update(activityId).digest('base64url')}`;

/** Markers share the meeting's partition with what the commands write. */
export function createCommandMarkerRepository(container: Container): CommandMarkerRepository {
  return {
    async firstDelivery(meetingId, activityId) {
      try {
        await asBookkeeping(() =>
          container.items.create({ id: markerId(meetingId, activityId), meetingId, type: 'commandMarker' }),
        );
        return true;
      } catch (error) {
        if (hasStatus(error, 409)) return false;
        throw storageUnavailable(error, 'record command');
      }
    },
    async release(meetingId, activityId) {
      try {
        await asBookkeeping(() => container.item(markerId(meetingId, activityId), meetingId).delete());
      } catch (error) {
        if (!hasStatus(error, 404)) throw storageUnavailable(error, 'release command');
      }
    },
  };
}
