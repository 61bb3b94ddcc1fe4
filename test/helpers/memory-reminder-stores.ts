import { AppError } from '../../src/domain/app-error';
import type { FollowUp } from '../../src/domain/follow-up';
import type { Network } from '../../src/domain/network';
import { initialSettings } from '../../src/domain/network';
import {
  versionedFollowUp,
  type FollowUpRepository,
  type VersionedFollowUp,
} from '../../src/storage/follow-up-repository';
import type { NetworkRepository } from '../../src/storage/network-repository';

/**
 * Follow-ups in memory with Cosmos' rules that the reminder run relies on: a write names the ETag it read or is a
 * Conflict; a batch of replacements stops at the first conflict (the rest `not-done`); the due query returns the
 * due ones not held by a live claim, at most `limit`. `calls` counts what went to "Cosmos".
 */
export function memoryFollowUps(initial: FollowUp[] = []) {
  const docs = new Map<string, VersionedFollowUp>();
  let version = 0;
  const calls = { dueQueries: 0, batches: 0, replaces: 0, gets: 0 };
  const keyOf = (networkId: string, followUpId: string): string => `${networkId}/${followUpId}`;
  const put = (followUp: FollowUp): VersionedFollowUp => {
    const saved = { followUp: structuredClone(followUp), etag: `e${++version}` };
    docs.set(keyOf(followUp.networkId, followUp.followUpId), saved);
    return saved;
  };
  for (const followUp of initial) put(followUp);
  const get = (networkId: string, followUpId: string): Promise<VersionedFollowUp | undefined> => {
    calls.gets += 1;
    return Promise.resolve(docs.get(keyOf(networkId, followUpId)));
  };
  const replace = (followUp: FollowUp, etag: string): Promise<VersionedFollowUp> => {
    calls.replaces += 1;
    const current = docs.get(keyOf(followUp.networkId, followUp.followUpId));
    if (!current || current.etag !== etag)
      return Promise.reject(new AppError('Conflict', 'follow-up changed'));
    return Promise.resolve(put(followUp));
  };
  /** Hooks a test sets: a failure or a delay of the next due query. */
  const hooks: { beforeDueQuery?: (call: number) => Promise<void> | void } = {};

  const repository: FollowUpRepository = {
    create: (followUp) => Promise.resolve(put(followUp)),
    get,
    replace,
    listOpen: (networkId) =>
      Promise.resolve(
        [...docs.values()]
          .map((d) => d.followUp)
          .filter((f) => f.networkId === networkId && f.status === 'open'),
      ),
    listForMeeting: (networkId, meetingId) =>
      Promise.resolve(
        [...docs.values()]
          .map((d) => d.followUp)
          .filter((f) => f.networkId === networkId && f.meetingId === meetingId),
      ),
    replaceEach(_networkId, items) {
      calls.batches += 1;
      // One transaction, as in Cosmos: one changed document and nothing is written, the others `not-done`.
      const changed = items.map(
        ({ followUp, etag }) => docs.get(keyOf(followUp.networkId, followUp.followUpId))?.etag !== etag,
      );
      if (changed.some(Boolean))
        return Promise.resolve(changed.map((c) => (c ? ('changed' as const) : ('not-done' as const))));
      return Promise.resolve(items.map(({ followUp }) => put(followUp)));
    },
    versioned: (networkId, followUpId) => versionedFollowUp({ get, replace }, networkId, followUpId),
    async dueReminders(now, limit) {
      calls.dueQueries += 1;
      await hooks.beforeDueQuery?.(calls.dueQueries);
      const at = now.toISOString();
      return [...docs.values()]
        .filter(({ followUp: { reminders } }) => {
          if (!reminders?.nextAt || reminders.nextAt > at) return false;
          return !reminders.claim || reminders.claim.until <= at;
        })
        .slice(0, limit)
        .map((d) => structuredClone(d));
    },
  };
  return { repository, calls, hooks, all: () => [...docs.values()].map((d) => d.followUp), put };
}

/** An active network in Stockholm with the default reminder policy. */
export const activeNetwork = (networkId: string): Network => ({
  networkId,
  conversationId: `19:${networkId}@thread.v2`,
  status: 'active',
  settings: initialSettings(undefined, `Nätverk ${networkId}`, 'sv'),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** Networks in memory, counting single reads and batch reads (only what the reminder run uses is real). */
export function memoryNetworks(networks: Network[]) {
  const byId = new Map(networks.map((n) => [n.networkId, n]));
  const calls = { gets: 0, getMany: 0 };
  const unused = (): never => {
    throw new Error('not used by the reminder run');
  };
  const repository: NetworkRepository = {
    get: (networkId) => {
      calls.gets += 1;
      const network = byId.get(networkId);
      return Promise.resolve(network ? { network, etag: 'n1' } : undefined);
    },
    getMany: (ids) => {
      calls.getMany += 1;
      return Promise.resolve(ids.flatMap((id) => byId.get(id) ?? []));
    },
    createIfAbsent: unused,
    replace: unused,
    language: unused,
    versioned: unused,
  };
  return { repository, calls };
}
