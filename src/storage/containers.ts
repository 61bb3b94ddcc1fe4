/**
 * The containers and their partition keys. Network-scoped data (the network, its roster, its meetings) is
 * partitioned by network; per-meeting records (one RSVP per member) by meeting, so an answer storm spreads over
 * documents and a tally is one single-partition query; conversation references by their own id.
 */
export const CONTAINERS = {
  conversations: { id: 'conversations', partitionKey: '/id' },
  networks: { id: 'networks', partitionKey: '/networkId' },
  meetings: { id: 'meetings', partitionKey: '/meetingId' },
  /** Follow-ups outlive their meeting and are listed per network ("uppföljning"); reminders query only these. */
  followUps: { id: 'followUps', partitionKey: '/networkId' },
  /** Which instance sends to a tenant now (one at a time, so Teams' per-tenant limit holds for the app). */
  leases: { id: 'leases', partitionKey: '/id' },
} as const;

export type ContainerName = keyof typeof CONTAINERS;
