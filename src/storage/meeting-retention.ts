import type { Container, ItemDefinition } from '@azure/cosmos';
import type { NetworkSettings } from '../domain/network';
import type { ContainerName } from './containers';
import { storageUnavailable } from './cosmos-errors';
import { deleteIfThere } from './delete-if-there';
import { personalDocumentId } from './conversation-repository';

type Stored = ItemDefinition & Record<string, unknown>;

export type MeetingDeletion = { deleted: number } | { kept: 'openFollowUps' };

/**
 * Deleting a meeting's records once the network's retention period has passed. A meeting's records sit in four
 * containers, so deletion goes from the leaves to the meeting document: a sweep stopped half way leaves the meeting
 * in place, and the next sweep finishes it. (Cosmos TTL would delete each document on its own clock, leaving
 * half-deleted meetings, and a changed period would mean rewriting every document; the embedded server has none.)
 */
export function createMeetingRetention(containers: Record<ContainerName, Container>) {
  // The filters name the partition too: the partition key option alone is not a filter on every server.
  const query = async (
    container: Container,
    text: string,
    parameters: Record<string, string>,
    partition?: string,
  ) => {
    const { resources } = await container.items
      .query<Stored>(
        { query: text, parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })) },
        partition === undefined ? {} : { partitionKey: partition },
      )
      .fetchAll();
    return resources;
  };

  return {
    /** Active networks and their settings: a few dozen per deployment, read once per sweep. */
    async networks(): Promise<{ networkId: string; settings: NetworkSettings }[]> {
      try {
        const found = await query(
          containers.networks,
          "SELECT c.networkId, c.settings FROM c WHERE c.type = 'network' AND c.status = 'active'",
          {},
        );
        return found as unknown as { networkId: string; settings: NetworkSettings }[];
      } catch (error) {
        throw storageUnavailable(error, 'list networks');
      }
    },

    /**
     * The network's meetings that ended before `cutoff` and not before `from` (an `endsAt` of an earlier page),
     * oldest first, at most `limit`.
     */
    async endedBefore(
      networkId: string,
      cutoff: Date,
      limit: number,
      from = '',
    ): Promise<{ meetingId: string; endsAt: string }[]> {
      try {
        const found = await query(
          containers.networks,
          `SELECT TOP ${limit} c.meetingId, c.endsAt FROM c WHERE c.networkId = @network AND c.type = 'meeting'` +
            ' AND c.endsAt < @cutoff AND c.endsAt >= @from ORDER BY c.endsAt',
          { '@network': networkId, '@cutoff': cutoff.toISOString(), '@from': from },
          networkId,
        );
        return found.map((doc) => ({ meetingId: String(doc.meetingId), endsAt: String(doc.endsAt) }));
      } catch (error) {
        throw storageUnavailable(error, 'list expired meetings');
      }
    },

    /**
     * Deletes the roster entries of people who left the network (Teams no longer lists them) before `cutoff`:
     * they served the bot only, and the records that stay name them as they were. Returns how many went.
     */
    async forgetLeftBefore(networkId: string, cutoff: Date): Promise<number> {
      try {
        const left = await query(
          containers.networks,
          "SELECT c.id FROM c WHERE c.networkId = @network AND c.type = 'member' AND c.status = 'left'" +
            ' AND c.updatedAt < @cutoff',
          { '@network': networkId, '@cutoff': cutoff.toISOString() },
          networkId,
        );
        let deleted = 0;
        for (const doc of left)
          if (await deleteIfThere(containers.networks, String(doc.id), networkId)) deleted += 1;
        return deleted;
      } catch (error) {
        throw storageUnavailable(error, 'forget members who left');
      }
    },

    /**
     * Deletes the 1:1 chats of people who are in no network's roster, last written before `before` (a fresh install
     * is kept a while: its person may be about to join): both what the bot knows of the chat (`personal-…`) and
     * the conversation it was installed in. A member's own chat stays. Returns how many went.
     */
    async forgetPersonalChatsOutsideNetworks(before: Date): Promise<number> {
      try {
        const members = await query(
          containers.networks,
          "SELECT c.userId, c.aadObjectId FROM c WHERE c.type = 'member' AND c.status = 'member'",
          {},
        );
        const keys = new Set(
          members.flatMap((m) => [m.aadObjectId, m.userId].filter((k) => typeof k === 'string')),
        );
        const known = new Set([...keys].map((key) => personalDocumentId(String(key))));
        const chats = await query(
          containers.conversations,
          'SELECT c.id, c.updatedAt, c.conversationType, c.installedByAadObjectId FROM c WHERE c.updatedAt < @before' +
            " AND (STARTSWITH(c.id, 'personal-') OR c.conversationType = 'personal')",
          { '@before': before.toISOString() },
        );
        let deleted = 0;
        for (const chat of chats) {
          const id = String(chat.id);
          const stays = id.startsWith('personal-')
            ? known.has(id)
            : typeof chat.installedByAadObjectId === 'string' && keys.has(chat.installedByAadObjectId);
          if (!stays && (await deleteIfThere(containers.conversations, id, id))) deleted += 1;
        }
        return deleted;
      } catch (error) {
        throw storageUnavailable(error, 'forget 1:1 chats outside networks');
      }
    },

    /**
     * Deletes the meeting-chat links whose meeting is gone (swept before links were, or deleted some other way):
     * a link alone serves nothing. Returns how many went.
     */
    async forgetStrayLinks(): Promise<number> {
      try {
        const links = await query(
          containers.conversations,
          "SELECT c.id, c.networkId, c.meetingId FROM c WHERE c.type = 'meetingLink'",
          {},
        );
        const meetingsOf = new Map<string, Promise<Set<string>>>();
        const meetingsIn = (networkId: string) => {
          let found = meetingsOf.get(networkId);
          if (!found) {
            found = query(
              containers.networks,
              "SELECT c.meetingId FROM c WHERE c.networkId = @network AND c.type = 'meeting'",
              { '@network': networkId },
              networkId,
            ).then((docs) => new Set(docs.map((doc) => String(doc.meetingId))));
            meetingsOf.set(networkId, found);
          }
          return found;
        };
        let deleted = 0;
        for (const link of links) {
          const meetings = await meetingsIn(String(link.networkId));
          if (meetings.has(String(link.meetingId))) continue;
          if (await deleteIfThere(containers.conversations, String(link.id), String(link.id))) deleted += 1;
        }
        return deleted;
      } catch (error) {
        throw storageUnavailable(error, 'forget stray meeting-chat links');
      }
    },

    /**
     * Deletes everything about one meeting: answers, attendance, decisions, notes, minutes and markers, its
     * follow-ups, its meeting-chat link, then the meeting. Kept while any of its follow-ups is open (but one whose owner was
     * erased): owners are still reminded and the next agenda lists it.
     */
    async deleteMeeting(networkId: string, meetingId: string): Promise<MeetingDeletion> {
      try {
        const followUps = await query(
          containers.followUps,
          'SELECT c.id, c.status, c.ownerErasedAt FROM c WHERE c.networkId = @network AND c.meetingId = @meeting',
          { '@network': networkId, '@meeting': meetingId },
          networkId,
        );
        // An open task keeps its meeting, unless its owner was erased (nobody is reminded of it any more).
        if (followUps.some((doc) => doc.status === 'open' && !doc.ownerErasedAt))
          return { kept: 'openFollowUps' };
        let deleted = 0;
        const remove = async (container: Container, id: string, partition: string) => {
          if (await deleteIfThere(container, id, partition)) deleted += 1;
        };
        const records = await query(
          containers.meetings,
          'SELECT c.id FROM c WHERE c.meetingId = @meeting',
          { '@meeting': meetingId },
          meetingId,
        );
        for (const doc of records) await remove(containers.meetings, String(doc.id), meetingId);
        for (const doc of followUps) await remove(containers.followUps, String(doc.id), networkId);
        const links = await query(
          containers.conversations,
          "SELECT c.id FROM c WHERE c.type = 'meetingLink' AND c.meetingId = @meeting",
          { '@meeting': meetingId },
        );
        for (const doc of links) await remove(containers.conversations, String(doc.id), String(doc.id));
        await remove(containers.networks, `meeting-${meetingId}`, networkId);
        return { deleted };
      } catch (error) {
        throw storageUnavailable(error, 'delete expired meeting');
      }
    },
  };
}

export type MeetingRetention = ReturnType<typeof createMeetingRetention>;
