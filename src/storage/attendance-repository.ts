import { listInMeeting } from './list-in-meeting';
import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import {
  mergeAttendance,
  type Attendance,
  type AttendanceSource,
  type AttendanceUpdate,
} from '../domain/attendance';
import { AppError } from '../domain/app-error';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { withoutSystemFields, type StoredFields } from './without-system-fields';

type AttendanceDocument = Attendance & StoredFields & { type: 'attendance' };

const ATTEMPTS = 5;

export interface AttendanceRepository {
  /**
   * Records what is now known of one person (present by default; a chair may say absent). One document per person
   * per meeting, so a repeated check-in or event is the same document.
   */
  record(update: AttendanceUpdate, source: AttendanceSource, present?: boolean): Promise<Attendance>;
  list(meetingId: string): Promise<Attendance[]>;
}

/** One person's attendance document in a meeting: its id is derived from their key. */
export const attendanceId = (meetingId: string, personKey: string): string =>
  `att:${meetingId}:${createHash('sha256').update(personKey).digest('base64url')}`;

const strip = (doc: AttendanceDocument): Attendance => withoutSystemFields<Attendance>(doc);

/** Attendance shares the meeting's partition with its RSVPs: one document per person per meeting. */
export function createAttendanceRepository(container: Container): AttendanceRepository {
  return {
    async record(update, source, present = true) {
      const id = attendanceId(update.meetingId, update.personKey);
      // A check-in and Teams' join event for the same person can arrive together: write only over what was read.
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        try {
          const { resource: before } = await container.item(id, update.meetingId).read<AttendanceDocument>();
          const attendance = mergeAttendance(before && strip(before), update, source, present);
          const document = { ...attendance, id, type: 'attendance' as const };
          if (before?._etag)
            await container
              .item(id, update.meetingId)
              .replace(document, { accessCondition: { type: 'IfMatch', condition: before._etag } });
          else await container.items.create(document);
          return attendance;
        } catch (error) {
          if (!hasStatus(error, 412) && !hasStatus(error, 409))
            throw storageUnavailable(error, 'record attendance');
        }
      }
      throw new AppError('Unavailable', `attendance of ${update.personKey} kept changing`);
    },

    async list(meetingId) {
      const resources = await listInMeeting<AttendanceDocument>(container, meetingId, 'attendance');
      return resources.map(strip);
    },
  };
}
