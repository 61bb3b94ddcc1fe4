import { AsyncLocalStorage } from 'node:async_hooks';
import type { Container } from '@azure/cosmos';

/**
 * Whether a turn stored something. A failure after that (Teams refusing the answer, a card that could not be
 * updated) must not be reported as if nothing was done.
 */
export interface TurnWrites {
  wrote: boolean;
}

const turn = new AsyncLocalStorage<TurnWrites>();

/** Runs one turn with `writes` set once anything it does writes to Cosmos. */
export const inTurn = <T>(writes: TurnWrites, work: () => Promise<T>): Promise<T> => turn.run(writes, work);

/**
 * Bookkeeping that is not what the user asked for (a command's delivery marker, written before and released after a
 * failed write): its writes do not count as the turn having stored something.
 */
export const asBookkeeping = <T>(work: () => Promise<T>): Promise<T> => turn.run({ wrote: false }, work);

const WRITES = new Set([
  'create',
  'upsert',
  'replace',
  'delete',
  'patch',
  'batch',
  'bulk',
  'executeBulkOperations',
]);

/** The object with its writing methods marking the turn once they succeed. */
function marking<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      if (!WRITES.has(String(property))) return value.bind(object) as unknown;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
        const store = turn.getStore();
        if (store) store.wrote = true;
        return result;
      };
    },
  });
}

/**
 * The container with its writes noted per turn: every repository writes through `items` or `item(id, key)`, so
 * this one place covers them all, and a new repository cannot forget it.
 */
export function withTurnWrites(container: Container): Container {
  // `items` is the same object on every access: its marking proxy is made once, not on every answer.
  let items: Container['items'] | undefined;
  return new Proxy(container, {
    get(object, property, receiver) {
      if (property === 'items') return (items ??= marking(object.items));
      if (property === 'item')
        return (id: string, partitionKey?: unknown) =>
          marking(object.item(id, partitionKey as Parameters<Container['item']>[1]));
      const value: unknown = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}
