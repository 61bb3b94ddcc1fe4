import type { Container } from '@azure/cosmos';
import type { ItemNote } from '../domain/item-note';
import { listInMeeting } from './list-in-meeting';
import { hasStatus, storageUnavailable } from './cosmos-errors';

type NoteDocument = ItemNote & { id: string; type: 'itemNote' };

export interface ItemNoteRepository {
  /** Adds the note; adding the same note id again changes nothing. */
  add(note: ItemNote): Promise<void>;
  list(meetingId: string): Promise<ItemNote[]>;
}

/** Notes share their meeting's partition: one document each, so notes taken at once never contend. */
export function createItemNoteRepository(container: Container): ItemNoteRepository {
  return {
    async add(note) {
      try {
        await container.items.create<NoteDocument>({
          ...note,
          id: `note:${note.meetingId}:${note.noteId}`,
          type: 'itemNote',
        });
      } catch (error) {
        // The same note id again is a retried save of the same note: it is there already.
        if (hasStatus(error, 409)) return;
        throw storageUnavailable(error, 'add note');
      }
    },
    async list(meetingId) {
      const resources = await listInMeeting<NoteDocument>(container, meetingId, 'itemNote');
      return resources
        .map(({ meetingId: m, networkId, noteId, item, subItem, text, body, createdBy, createdAt }) => ({
          meetingId: m,
          networkId,
          noteId,
          ...(item !== undefined ? { item } : {}),
          ...(subItem ? { subItem } : {}),
          text,
          ...(body ? { body } : {}),
          createdBy,
          createdAt,
        }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
