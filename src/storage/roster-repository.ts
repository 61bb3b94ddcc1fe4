import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Clock } from '../domain/clock';
import type { RosterMember } from '../domain/roster';
import { hasStatus, storageUnavailable } from './cosmos-errors';

type MemberDocument = RosterMember & { id: string; type: 'member' };

export type MemberInput = Pick<RosterMember, 'userId' | 'aadObjectId' | 'name' | 'email'>;

export interface RosterRepository {
  /** Brings the roster in line with the chat's membership: new and renamed members written, the rest marked left. */
  sync(networkId: string, current: MemberInput[]): Promise<RosterMember[]>;
  list(networkId: string): Promise<RosterMember[]>;
  /** One member by Teams user id (a point read). */
  get(networkId: string, userId: string): Promise<RosterMember | undefined>;
}

const memberId = (userId: string): string =>
  `member-${createHash('sha256').update(userId).digest('base64url')}`;

const strip = ({
  networkId,
  userId,
  aadObjectId,
  name,
  email,
  organisation,
  status,
  updatedAt,
}: MemberDocument): RosterMember => ({
  networkId,
  userId,
  ...(aadObjectId ? { aadObjectId } : {}),
  name,
  ...(email ? { email } : {}),
  ...(organisation ? { organisation } : {}),
  status,
  updatedAt,
});

/** Roster members share the network's partition, so a roster is one single-partition query. */
export function createRosterRepository(container: Container, clock: Clock): RosterRepository {
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

  return {
    async sync(networkId, current) {
      const known = new Map((await list(networkId, true)).map((m) => [m.userId, m]));
      const now = clock().toISOString();
      const writes: MemberDocument[] = [];
      for (const input of current) {
        const before = known.get(input.userId);
        known.delete(input.userId);
        const changed =
          !before ||
          before.status === 'left' ||
          before.name !== input.name ||
          before.aadObjectId !== input.aadObjectId;
        if (changed) {
          writes.push({
            ...(before ?? {}),
            ...input,
            networkId,
            status: 'member',
            updatedAt: now,
            id: memberId(input.userId),
            type: 'member',
          });
        }
      }
      for (const gone of known.values()) {
        if (gone.status === 'member')
          writes.push({ ...gone, status: 'left', updatedAt: now, id: memberId(gone.userId), type: 'member' });
      }
      try {
        await Promise.all(writes.map((doc) => container.items.upsert(doc)));
      } catch (error) {
        throw storageUnavailable(error, 'sync roster');
      }
      return list(networkId);
    },
    list: (networkId) => list(networkId),

    async get(networkId, userId) {
      try {
        const { resource } = await container.item(memberId(userId), networkId).read<MemberDocument>();
        return resource ? strip(resource) : undefined;
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read member');
      }
    },
  };
}
