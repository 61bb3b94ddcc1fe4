import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { hasStatus, storageUnavailable } from './cosmos-errors';

/** A Teams meeting's chat tied to the planned meeting it is for. */
export interface MeetingLink {
  meetingChatId: string;
  networkId: string;
  meetingId: string;
  teamsMeetingId?: string;
  linkedAt: string;
}

type LinkDocument = MeetingLink & { id: string; type: 'meetingLink' };

export interface MeetingLinkRepository {
  get(meetingChatId: string): Promise<MeetingLink | undefined>;
  save(link: MeetingLink): Promise<void>;
}

const linkId = (meetingChatId: string): string =>
  `link-${createHash('sha256').update(meetingChatId).digest('base64url')}`;

/** Links live beside conversation references (keyed by the meeting chat), so an event finds its meeting by point read. */
export function createMeetingLinkRepository(container: Container): MeetingLinkRepository {
  return {
    async get(meetingChatId) {
      const id = linkId(meetingChatId);
      try {
        const { resource } = await container.item(id, id).read<LinkDocument>();
        return resource
          ? {
              meetingChatId: resource.meetingChatId,
              networkId: resource.networkId,
              meetingId: resource.meetingId,
              teamsMeetingId: resource.teamsMeetingId,
              linkedAt: resource.linkedAt,
            }
          : undefined;
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read meeting link');
      }
    },
    async save(link) {
      try {
        await container.items.upsert<LinkDocument>({
          ...link,
          id: linkId(link.meetingChatId),
          type: 'meetingLink',
        });
      } catch (error) {
        throw storageUnavailable(error, 'save meeting link');
      }
    },
  };
}
