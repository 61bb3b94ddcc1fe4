/**
 * The containers and their partition keys. Network-scoped data is partitioned by network, conversation
 * references by their own id (each is read alone, by point read).
 */
export const CONTAINERS = {
  conversations: { id: 'conversations', partitionKey: '/id' },
  networks: { id: 'networks', partitionKey: '/networkId' },
} as const;

export type ContainerName = keyof typeof CONTAINERS;
