import type { CosmosConnection } from '../../src/storage/cosmos-connection';

/** Every document in every container, without Cosmos' own fields, sorted by id: to compare before and after. */
export async function storedDocuments(
  cosmos: CosmosConnection,
): Promise<Record<string, Record<string, unknown>[]>> {
  const all: Record<string, Record<string, unknown>[]> = {};
  for (const [name, container] of Object.entries(cosmos.containers)) {
    const { resources } = await container.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
    all[name] = resources
      .map(({ _ts, _etag, _rid, _self, _attachments, ...doc }) => doc)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return all;
}
