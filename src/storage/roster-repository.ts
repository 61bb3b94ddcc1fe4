import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Clock } from '../domain/clock';
import { guestIdentity, sameGuest } from '../domain/names';
import type { RosterMember } from '../domain/roster';
import { createBatchedUpsert } from './batched-upsert';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { queryWhereIn } from './query-where-in';
import { isErasedPerson } from './erased-people';
import { erasedPeopleIn } from './erased-people-in';
import { recently } from './recent-reads';
import { deleteIfThere } from './delete-if-there';

type MemberDocument = RosterMember & { id: string; type: 'member' };

export type MemberInput = Pick<RosterMember, 'userId' | 'aadObjectId' | 'name' | 'email'>;

export interface RosterRepository {
  /** Brings the roster in line with the chat's membership: new and renamed members written, the rest marked left. */
  sync(networkId: string, current: MemberInput[]): Promise<RosterMember[]>;
  list(networkId: string): Promise<RosterMember[]>;
  /** The present members of several networks in one query, by network (an empty list for one with none). */
  listMany(networkIds: string[]): Promise<Map<string, RosterMember[]>>;
  /** Present and past members: whom the network may still hold data about. */
  everyone(networkId: string): Promise<RosterMember[]>;
  /** One member by Teams user id (a point read). */
  get(networkId: string, userId: string): Promise<RosterMember | undefined>;
  /** Sets a member's organisation; false when there is no such member. */
  setOrganisation(networkId: string, userId: string, organisation: string): Promise<boolean>;
  /** Notes another organisation read for the member (imported minutes), for chairs to take or leave. */
  suggestOrganisation(networkId: string, userId: string, organisation: string): Promise<void>;
  addGuest(networkId: string, guest: { name: string; organisation: string }): Promise<RosterMember>;
  /**
   * Where a person is a present member, across networks: one cross-partition query, for what the personal chat
   * shows of all their networks (their own follow-ups); never on a hot path.
   */
  memberships(person: { userId: string; aadObjectId?: string }): Promise<RosterMember[]>;
  /**
   * A person erased from the network acted in its chat themselves (answered a card, typed a command): they are a
   * member again, from what Teams says of them in that turn. False (nothing written) for everyone else.
   */
  returnAfterErasure(
    networkId: string,
    person: { userId: string; aadObjectId?: string; name: string },
  ): Promise<boolean>;
  /** Someone was erased from the network by this instance: its next turn reads the markers afresh. */
  markersChanged(networkId: string): void;
}

/** How long an instance trusts its read of a network's erasure markers when someone acts (not when it syncs). */
const MARKERS_MS = 30_000;

const memberId = (userId: string): string =>
  `member-${createHash('sha256').update(userId).digest('base64url')}`;

const toDocument = (member: RosterMember): MemberDocument => ({
  ...member,
  id: memberId(member.userId),
  type: 'member',
});

const strip = (doc: MemberDocument): RosterMember => ({
  networkId: doc.networkId,
  userId: doc.userId,
  ...(doc.aadObjectId ? { aadObjectId: doc.aadObjectId } : {}),
  name: doc.name,
  ...(doc.email ? { email: doc.email } : {}),
  ...(doc.organisation ? { organisation: doc.organisation } : {}),
  ...(doc.suggestedOrganisation ? { suggestedOrganisation: doc.suggestedOrganisation } : {}),
  ...(doc.guest ? { guest: true as const } : {}),
  status: doc.status,
  updatedAt: doc.updatedAt,
});

/**
 * Roster members share the network's partition, so a roster is one single-partition query, and a sync of a whole
 * chat's members is a few batches of writes (`createBatchedUpsert`) rather than one request per member.
 */
export function createRosterRepository(container: Container, clock: Clock): RosterRepository {
  const upsert = createBatchedUpsert(container);
  const list = async (networkId: string, includeLeft = false): Promise<RosterMember[]> => {
    try {
      const { resources } = await container.items
        .query<MemberDocument>(
          {
            query: 'SELECT * FROM c WHERE c.networkId = @networkId AND c.type = "member"',
            parameters: [{ name: '@networkId', value: networkId }],
          },
          { partitionKey: networkId },
        )
        .fetchAll();
      return resources.map(strip).filter((m) => includeLeft || m.status === 'member');
    } catch (error) {
      throw storageUnavailable(error, 'list roster');
    }
  };

  const listMany = async (networkIds: string[]): Promise<Map<string, RosterMember[]>> => {
    const rosters = new Map(networkIds.map((networkId): [string, RosterMember[]] => [networkId, []]));
    const found = await queryWhereIn<MemberDocument>(
      container,
      { field: 'networkId', values: networkIds, type: 'member' },
      'list rosters',
    );
    for (const doc of found) if (doc.status === 'member') rosters.get(doc.networkId)?.push(strip(doc));
    return rosters;
  };

  const markersOf = async (networkId: string) => {
    try {
      return await erasedPeopleIn(container, networkId);
    } catch (error) {
      throw storageUnavailable(error, 'read erasure markers');
    }
  };
  // Every turn asks; a network almost never has a marker, so one read per network and period answers them all.
  const recentMarkers = recently(markersOf, MARKERS_MS);

  const get = async (networkId: string, userId: string): Promise<RosterMember | undefined> => {
    try {
      const { resource } = await container.item(memberId(userId), networkId).read<MemberDocument>();
      return resource ? strip(resource) : undefined;
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw storageUnavailable(error, 'read member');
    }
  };

  const write = async (members: RosterMember[], what: string): Promise<void> => {
    try {
      await Promise.all(members.map((member) => upsert(member.networkId, toDocument(member))));
    } catch (error) {
      throw storageUnavailable(error, what);
    }
  };

  return {
    listMany,

    async sync(networkId, listed) {
      // Someone erased from the network while still in the chat is not written back from Teams' member list.
      const markers = await markersOf(networkId);
      const current = listed.filter(
        (input) => !markers.some((marker) => isErasedPerson(marker, [input.aadObjectId, input.userId])),
      );
      const known = new Map((await list(networkId, true)).map((m) => [m.userId, m]));
      const now = clock().toISOString();
      const writes: RosterMember[] = [];
      for (const input of current) {
        const before = known.get(input.userId);
        known.delete(input.userId);
        const changed =
          !before ||
          before.status === 'left' ||
          before.name !== input.name ||
          before.aadObjectId !== input.aadObjectId;
        // The organisation is the member's own answer: keep it across syncs.
        if (changed) writes.push({ ...before, ...input, networkId, status: 'member', updatedAt: now });
      }
      for (const gone of known.values()) {
        if (gone.status === 'member' && !gone.guest) writes.push({ ...gone, status: 'left', updatedAt: now });
      }
      await write(writes, 'sync roster');
      return list(networkId);
    },

    list: (networkId) => list(networkId),
    everyone: (networkId) => list(networkId, true),
    get,

    async setOrganisation(networkId, userId, organisation) {
      const member = await get(networkId, userId);
      if (!member) return false;
      // Only the member (or a chair correcting them) writes this field, so a plain upsert loses nothing.
      // A chair's or the member's own word settles any suggestion from imported minutes.
      const { suggestedOrganisation: _settled, ...rest } = member;
      await write([{ ...rest, organisation, updatedAt: clock().toISOString() }], 'set organisation');
      return true;
    },

    async suggestOrganisation(networkId, userId, organisation) {
      const member = await get(networkId, userId);
      if (!member) return;
      await write(
        [{ ...member, suggestedOrganisation: organisation, updatedAt: clock().toISOString() }],
        'suggest organisation',
      );
    },

    async memberships(person) {
      try {
        const { resources } = await container.items
          .query<MemberDocument>({
            query:
              'SELECT * FROM c WHERE c.type = "member" AND c.status = "member" AND (c.userId = @userId OR c.aadObjectId = @aad)',
            parameters: [
              { name: '@userId', value: person.userId },
              { name: '@aad', value: person.aadObjectId ?? person.userId },
            ],
          })
          .fetchAll();
        return resources.map(strip);
      } catch (error) {
        throw storageUnavailable(error, 'list memberships');
      }
    },

    async returnAfterErasure(networkId, person) {
      const ids = [person.aadObjectId, person.userId];
      const markers = await recentMarkers(networkId);
      const theirs = markers.filter((marker) => isErasedPerson(marker, ids));
      if (!theirs.length) return false;
      try {
        for (const marker of theirs) await deleteIfThere(container, marker.id, networkId);
      } catch (error) {
        throw storageUnavailable(error, 'remove erasure marker');
      }
      recentMarkers.prime(networkId, Promise.resolve(markers.filter((marker) => !theirs.includes(marker))));
      // After the marker: should this write fail, the next sync brings them back, as they asked by acting.
      await write(
        [
          {
            networkId,
            userId: person.userId,
            ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
            name: person.name,
            status: 'member',
            updatedAt: clock().toISOString(),
          },
        ],
        'return after erasure',
      );
      return true;
    },

    markersChanged(networkId) {
      recentMarkers.prime(networkId, markersOf(networkId));
    },

    async addGuest(networkId, guest) {
      // The same guest added again (case or spacing aside) is the same entry, not a second one.
      const known = (await list(networkId)).find((m) => m.guest && sameGuest(guest, m));
      const member: RosterMember = {
        networkId,
        userId:
          known?.userId ??
          `guest-${createHash('sha256').update(guestIdentity(guest)).digest('base64url').slice(0, 22)}`,
        name: guest.name,
        organisation: guest.organisation,
        guest: true,
        status: 'member',
        updatedAt: clock().toISOString(),
      };
      await write([member], 'add guest');
      return member;
    },
  };
}
