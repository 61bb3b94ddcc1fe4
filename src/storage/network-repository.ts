import type { Container } from '@azure/cosmos';
import type { Language } from '../domain/language';
import { isLanguage } from '../domain/language';
import { hasStatus, storageUnavailable } from './cosmos-errors';

export interface NetworkSettings {
  networkId: string;
  language?: Language;
}

export interface NetworkRepository {
  /** The network's settings document, if the network has been set up. One point read. */
  getSettings(networkId: string): Promise<NetworkSettings | undefined>;
}

/** The settings document of a network has id = networkId inside the network's own partition. */
export function createNetworkRepository(container: Container): NetworkRepository {
  return {
    async getSettings(networkId) {
      try {
        const { resource } = await container
          .item(networkId, networkId)
          .read<{ networkId: string; language?: unknown }>();
        if (!resource) return undefined;
        return { networkId, language: isLanguage(resource.language) ? resource.language : undefined };
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        throw storageUnavailable(error, 'read network settings');
      }
    },
  };
}
