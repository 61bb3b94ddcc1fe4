import type { Container } from '@azure/cosmos';
import { storageUnavailable } from './cosmos-errors';

/** Every document of one type in a meeting's partition: one single-partition query. */
export async function listInMeeting<T>(container: Container, meetingId: string, type: string): Promise<T[]> {
  try {
    const { resources } = await container.items
      .query<T>(
        {
          query: 'SELECT * FROM c WHERE c.meetingId = @meetingId AND c.type = @type',
          parameters: [
            { name: '@meetingId', value: meetingId },
            { name: '@type', value: type },
          ],
        },
        { partitionKey: meetingId },
      )
      .fetchAll();
    return resources;
  } catch (error) {
    throw storageUnavailable(error, `list ${type}`);
  }
}
