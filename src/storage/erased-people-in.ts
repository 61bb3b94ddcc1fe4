import type { Container } from '@azure/cosmos';
import type { ErasedPerson } from './erased-people';

/** The erasure markers of one network (in its partition of `networks`): what a sync and an erasure both read. */
export async function erasedPeopleIn(
  networks: Container,
  networkId: string,
): Promise<(ErasedPerson & { id: string })[]> {
  const { resources } = await networks.items
    .query<ErasedPerson & { id: string }>(
      {
        query: "SELECT * FROM c WHERE c.networkId = @networkId AND c.type = 'erasedPerson'",
        parameters: [{ name: '@networkId', value: networkId }],
      },
      { partitionKey: networkId },
    )
    .fetchAll();
  return resources;
}
