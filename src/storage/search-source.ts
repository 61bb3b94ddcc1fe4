import type { Container } from '@azure/cosmos';
import type { Decision } from '../domain/decision';
import type { FollowUp } from '../domain/follow-up';
import type { ItemNote } from '../domain/item-note';
import type { Meeting } from '../domain/meeting';
import type { ContainerName } from './containers';
import { storageUnavailable } from './cosmos-errors';
import { withoutSystemFields, type StoredFields } from './without-system-fields';

export interface SearchContent {
  meetings: Meeting[];
  decisions: Decision[];
  notes: ItemNote[];
  followUps: FollowUp[];
}

export interface SearchSource {
  /** Everything a network's search covers, in one query per container, each bounded by the network. */
  load(networkId: string): Promise<SearchContent>;
  /**
   * What an index is checked against: changes whenever a meeting, decision, note or follow-up of the network is
   * written or deleted (the newest `_ts` and the count of each container's documents of the network).
   */
  version(networkId: string): Promise<{ stamp: string; newestSeconds: number }>;
}

/** The reads behind search: the network's meetings, decisions, notes and follow-ups, and their version. */
export function createSearchSource(containers: Record<ContainerName, Container>): SearchSource {
  const query = async <T extends object>(
    container: Container,
    where: string,
    networkId: string,
    select = '*',
    partitioned = false,
  ): Promise<T[]> => {
    const { resources } = await container.items
      .query<T>(
        {
          query: `SELECT ${select} FROM c WHERE c.networkId = @networkId AND ${where}`,
          parameters: [{ name: '@networkId', value: networkId }],
        },
        partitioned ? { partitionKey: networkId } : {},
      )
      .fetchAll();
    return resources;
  };
  const meetingTypes = '(c.type = "decision" OR c.type = "itemNote")';
  return {
    async load(networkId) {
      try {
        const [meetings, records, followUps] = await Promise.all([
          query<Meeting & StoredFields>(containers.networks, 'c.type = "meeting"', networkId, '*', true),
          query<(Decision | ItemNote) & StoredFields>(containers.meetings, meetingTypes, networkId),
          query<FollowUp & StoredFields>(containers.followUps, 'c.type = "followUp"', networkId, '*', true),
        ]);
        return {
          meetings: meetings.map((m) => withoutSystemFields<Meeting>(m)),
          decisions: records
            .filter((r) => r.type === 'decision')
            .map((r) => withoutSystemFields<Decision>(r as Decision & StoredFields)),
          notes: records
            .filter((r) => r.type === 'itemNote')
            .map((r) => withoutSystemFields<ItemNote>(r as ItemNote & StoredFields)),
          followUps: followUps.map((f) => withoutSystemFields<FollowUp>(f)),
        };
      } catch (error) {
        throw storageUnavailable(error, 'read for search');
      }
    },

    async version(networkId) {
      try {
        const stamp = 'MAX(c._ts) AS ts, COUNT(1) AS n';
        const parts = await Promise.all([
          query<{ ts?: number; n: number }>(
            containers.networks,
            'c.type = "meeting"',
            networkId,
            stamp,
            true,
          ),
          query<{ ts?: number; n: number }>(containers.meetings, meetingTypes, networkId, stamp),
          query<{ ts?: number; n: number }>(
            containers.followUps,
            'c.type = "followUp"',
            networkId,
            stamp,
            true,
          ),
        ]);
        const rows = parts.map((rows) => rows[0] ?? { n: 0 });
        return {
          stamp: rows.map((r) => `${r.ts ?? 0}.${r.n}`).join('|'),
          newestSeconds: Math.max(0, ...rows.map((r) => r.ts ?? 0)),
        };
      } catch (error) {
        throw storageUnavailable(error, 'read search version');
      }
    },
  };
}
