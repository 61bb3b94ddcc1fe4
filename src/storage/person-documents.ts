import type { Container, ItemDefinition, SqlQuerySpec } from '@azure/cosmos';
import { conversationDocumentId } from '../domain/conversation';
import type { ContainerName } from './containers';
import { hasStatus } from './cosmos-errors';

export type StoredDocument = ItemDefinition & Record<string, unknown>;
export type PersonContainer = Exclude<ContainerName, 'leases'>;

const PAGE = 200;

/**
 * Every document a person's data may be in, page by page, without holding them all: with a network, what that
 * network holds (its roster, meetings and their records, follow-ups, its chat's record, its meeting chats' links
 * and pending imports); without, every document of every container (the administrator's export and erasure).
 * Leases hold no personal data.
 */
export async function* documentsOf(
  containers: Record<ContainerName, Container>,
  networkId?: string,
): AsyncGenerator<{ container: PersonContainer; doc: StoredDocument }> {
  const pages = async function* (container: PersonContainer, query: SqlQuerySpec, partitionKey?: string) {
    const iterator = containers[container].items.query<StoredDocument>(query, {
      maxItemCount: PAGE,
      ...(partitionKey === undefined ? {} : { partitionKey }),
    });
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      for (const doc of resources ?? []) yield { container, doc };
    }
  };
  if (networkId === undefined) {
    for (const container of ['conversations', 'networks', 'meetings', 'followUps'] as const)
      yield* pages(container, { query: 'SELECT * FROM c' });
    return;
  }
  const inNetwork = {
    query: 'SELECT * FROM c WHERE c.networkId = @network',
    parameters: [{ name: '@network', value: networkId }],
  };
  yield* pages('networks', inNetwork, networkId);
  yield* pages('meetings', inNetwork);
  yield* pages('followUps', inNetwork, networkId);
  yield* pages('conversations', {
    query: 'SELECT * FROM c WHERE c.networkId = @network OR ARRAY_CONTAINS(c.networkIds, @network)',
    parameters: [{ name: '@network', value: networkId }],
  });
  // The network's chat: its record is keyed by the chat, which the network document names.
  try {
    const { resource: network } = await containers.networks.item(networkId, networkId).read<StoredDocument>();
    if (typeof network?.conversationId === 'string') {
      const id = conversationDocumentId(network.conversationId);
      const { resource } = await containers.conversations.item(id, id).read<StoredDocument>();
      if (resource) yield { container: 'conversations', doc: resource };
    }
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
  }
}
