import type { Container } from '@azure/cosmos';
import type { Language } from '../domain/language';
import type { Network } from '../domain/network';
import { hasStatus, storageUnavailable } from './cosmos-errors';
import { queryWhereIn } from './query-where-in';
import { replaceIfUnchanged } from './replace-if-unchanged';
import type { VersionedStore } from './versioned-store';

type NetworkDocument = Network & { id: string; type: 'network'; _etag?: string };

export interface VersionedNetwork {
  network: Network;
  etag: string;
}

export interface NetworkRepository {
  get(networkId: string): Promise<VersionedNetwork | undefined>;
  /** Several networks in one query; those not found are left out. */
  getMany(networkIds: string[]): Promise<Network[]>;
  /** Creates the network unless it exists; true when this call created it. */
  createIfAbsent(network: Network): Promise<boolean>;
  /** Replaces the network if nobody changed it since `etag` was read; a lost race is a Conflict. */
  replace(network: Network, etag: string): Promise<VersionedNetwork>;
  /** The network's language, if the network has been set up. */
  language(networkId: string): Promise<Language | undefined>;
  /** The network as a store for read-modify-write with its ETag. */
  versioned(networkId: string): VersionedStore<Network>;
}

const toNetwork = ({
  networkId,
  conversationId,
  status,
  settings,
  createdAt,
  updatedAt,
}: NetworkDocument): Network => ({
  networkId,
  conversationId,
  status,
  settings,
  createdAt,
  updatedAt,
});

/** The network document has id = networkId inside the network's own partition, beside its roster. */
export function createNetworkRepository(container: Container): NetworkRepository {
  const get = async (networkId: string): Promise<VersionedNetwork | undefined> => {
    try {
      const { resource } = await container.item(networkId, networkId).read<NetworkDocument>();
      return resource ? { network: toNetwork(resource), etag: resource._etag ?? '' } : undefined;
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw storageUnavailable(error, 'read network');
    }
  };

  const replace = async (network: Network, etag: string): Promise<VersionedNetwork> => {
    const newEtag = await replaceIfUnchanged(
      container,
      { ...network, id: network.networkId, type: 'network' },
      network.networkId,
      etag,
      `network ${network.networkId}`,
    );
    return { network, etag: newEtag };
  };

  return {
    get,

    async getMany(networkIds) {
      const found = await queryWhereIn<NetworkDocument>(
        container,
        { field: 'networkId', values: networkIds, type: 'network' },
        'read networks',
      );
      return found.map(toNetwork);
    },

    async createIfAbsent(network) {
      try {
        await container.items.create<NetworkDocument>({ ...network, id: network.networkId, type: 'network' });
        return true;
      } catch (error) {
        if (hasStatus(error, 409)) return false;
        throw storageUnavailable(error, 'create network');
      }
    },

    replace,

    versioned: (networkId) => ({
      get: async () => {
        const found = await get(networkId);
        return found ? { value: found.network, etag: found.etag } : undefined;
      },
      replace: async (value, etag) => {
        const saved = await replace(value, etag);
        return { value: saved.network, etag: saved.etag };
      },
    }),

    async language(networkId) {
      const found = await get(networkId);
      return found?.network.status === 'active' ? found.network.settings.language : undefined;
    },
  };
}
