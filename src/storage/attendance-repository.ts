import { listInMeeting } from './list-in-meeting';
import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Attendance } from '../domain/attendance';
import { storageUnavailable } from './cosmos-errors';

type AttendanceDocument = Attendance & { id: string; type: 'attendance' };

export interface AttendanceRepository {
  /** Records a person as present, adding the source; a repeated check-in is the same document. */
  markPresent(
    record: Omit<Attendance, 'present' | 'sources' | 'firstSeenAt'>,
    source: Attendance['sources'][number],
  ): Promise<Attendance>;
  list(meetingId: string): Promise<Attendance[]>;
}

const attendanceId = (meetingId: string, personKey: string): string =>
  `att:${meetingId}:${createHash('sha256').update(personKey).digest('base64url')}`;

const strip = ({
  id: _id,
  type: _type,
  ...doc
}: AttendanceDocument & Record<string, unknown>): Attendance => {
  const { _rid, _self, _etag, _ts, _attachments, ...attendance } = doc;
  return attendance;
};

/** Attendance shares the meeting's partition with its RSVPs: one document per person per meeting. */
export function createAttendanceRepository(container: Container): AttendanceRepository {
  return {
    async markPresent(record, source) {
      const id = attendanceId(record.meetingId, record.personKey);
      try {
        const { resource: before } = await container.item(id, record.meetingId).read<AttendanceDocument>();
        const attendance: Attendance = {
          ...record,
          present: true,
          sources: [...new Set([...(before?.sources ?? []), source])],
          firstSeenAt: before?.firstSeenAt ?? record.updatedAt,
          ...((record.leftAt ?? before?.leftAt) ? { leftAt: record.leftAt ?? before?.leftAt } : {}),
        };
        await container.items.upsert<AttendanceDocument>({ ...attendance, id, type: 'attendance' });
        return attendance;
      } catch (error) {
        throw storageUnavailable(error, 'mark present');
      }
    },

    async list(meetingId) {
      const resources = await listInMeeting<AttendanceDocument>(container, meetingId, 'attendance');
      return resources.map((doc) => strip(doc as AttendanceDocument & Record<string, unknown>));
    },
  };
}
