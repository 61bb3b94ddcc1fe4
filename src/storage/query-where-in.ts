import type { Container } from '@azure/cosmos';
import { storageUnavailable } from './cosmos-errors';

/**
 * Every document (of `type`, when given) whose `field` is one of `values`: one query across partitions, for reading
 * many documents that would otherwise be read one by one. No values, no query.
 */
export async function queryWhereIn<T>(
  container: Container,
  where: { field: 'id' | 'networkId'; values: string[]; type?: string },
  what: string,
): Promise<T[]> {
  if (where.values.length === 0) return [];
  try {
    const { resources } = await container.items
      .query<T>({
        query: `SELECT * FROM c WHERE ${where.type ? 'c.type = @type AND ' : ''}ARRAY_CONTAINS(@values, c.${where.field})`,
        parameters: [
          { name: '@values', value: where.values },
          ...(where.type ? [{ name: '@type', value: where.type }] : []),
        ],
      })
      .fetchAll();
    return resources;
  } catch (error) {
    throw storageUnavailable(error, what);
  }
}
