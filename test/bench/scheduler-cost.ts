import { randomUUID } from 'node:crypto';
import { Agent } from 'node:https';
import { CosmosClient, type PluginConfig } from '@azure/cosmos';
import pino from 'pino';
import type { FollowUp } from '../../src/domain/follow-up';
import type { Network } from '../../src/domain/network';
import { createReminderTask } from '../../src/scheduler/follow-up-reminders';
import { openCosmos } from '../../src/storage/cosmos-connection';
import { startEmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { createFollowUpRepository } from '../../src/storage/follow-up-repository';
import { createNetworkRepository } from '../../src/storage/network-repository';

/**
 * Follow-ups done or not yet due: the 100,000, and a tenth of it to show that what the bot reads per tick does
 * not change with it. (The embedded server's query engine was quadratic in the documents of a container; the patch in
 * patches/ makes its scan linear, which is what made 100,000 possible here.)
 */
export const BACKGROUNDS = [10_000, 100_000];
export const DUE = [100, 300];
const NETWORKS = 200;
/** Monday 23 November 2026, 10:00 in Stockholm: inside the default sending hours. */
const NOW = new Date('2026-11-23T09:00:00Z');

/** What one tick cost, counted on the Cosmos client the scheduler uses. */
interface Counters {
  requests: number;
  /** Documents in the answers (a query's page, a point read, a write's echo). */
  documentsReturned: number;
  /** As the server reports it; the embedded server says 1 per request, a real account reports RU. */
  requestCharge: number;
}

/**
 * The reminder task's cost per tick with 100,000 follow-ups that are done or not yet due, in-process against the
 * embedded Cosmos, through a client whose every request is counted (an SDK request plugin). Delivery is instant
 * (what is measured is storage).
 */
export async function schedulerCostBenchmark() {
  const cosmos = await startEmbeddedCosmos();
  const settings = {
    kind: 'remote' as const,
    endpoint: cosmos.endpoint,
    key: 'embedded-cosmos-has-no-key',
    trustSelfSigned: true,
    database: 'anteckna-scheduler-bench',
  };
  const seeding = await openCosmos(settings, pino({ level: 'silent' }));
  const counters: Counters = { requests: 0, documentsReturned: 0, requestCharge: 0 };
  const counting: PluginConfig = {
    on: 'request',
    plugin: async (context, diagnostics, next) => {
      const response = await next(context);
      counters.requests += 1;
      counters.requestCharge += Number(response.headers['x-ms-request-charge'] ?? 0);
      const result = response.result as { Documents?: unknown[] } | undefined;
      counters.documentsReturned += Array.isArray(result?.Documents)
        ? result.Documents.length
        : result
          ? 1
          : 0;
      return response;
    },
  };
  // `plugins` is a documented SDK option its typings hide (@hidden).
  const client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: settings.key,
    agent: new Agent({ rejectUnauthorized: false, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false },
    plugins: [counting],
  } as ConstructorParameters<typeof CosmosClient>[0] & { plugins: PluginConfig[] });
  const database = client.database(settings.database);
  try {
    const networks = createNetworkRepository(seeding.containers.networks);
    const followUps = createFollowUpRepository(seeding.containers.followUps);
    const networkIds = Array.from({ length: NETWORKS }, (_, i) => `bench-network-${i}`);
    for (const networkId of networkIds) {
      const network: Network = {
        networkId,
        conversationId: `19:bench-tenant-0-${networkId}@thread.v2`,
        status: 'active',
        settings: {
          name: networkId,
          chairs: [],
          language: 'sv',
          timeZone: 'Europe/Stockholm',
          agendaLeadDays: 7,
        },
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      };
      await networks.createIfAbsent(network);
    }
    const followUp = (i: number, kind: 'done' | 'future' | 'due'): FollowUp => ({
      networkId: networkIds[i % NETWORKS]!,
      followUpId: randomUUID(),
      meetingId: randomUUID(),
      owner: { kind: 'organisation', name: 'Kungälv' },
      text: 'återkommer med underlag',
      due: kind === 'future' ? '2027-06-30' : '2026-11-23',
      status: kind === 'done' ? 'done' : 'open',
      changes: [],
      revision: 0,
      ...(kind === 'done'
        ? {}
        : {
            reminders: {
              nextAt:
                kind === 'future'
                  ? '2027-06-25T07:00:00.000Z'
                  : new Date(NOW.getTime() - 60_000).toISOString(),
              sent: [],
            },
          }),
      createdBy: '',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const seed = async (count: number, kind: (i: number) => 'done' | 'future' | 'due') => {
      let next = 0;
      const worker = async () => {
        while (next < count) {
          const i = next++;
          await followUps.create(followUp(i, kind(i)));
        }
      };
      await Promise.all(Array.from({ length: 64 }, worker));
    };
    const task = createReminderTask({
      followUps: createFollowUpRepository(database.container('followUps')),
      networks: createNetworkRepository(database.container('networks')),
      delivery: { deliver: () => Promise.resolve('chat') },
      clock: () => NOW,
      instanceId: 'bench',
      leaseMs: 5 * 60_000,
      batchSize: 100,
      concurrency: 16,
      logger: pino({ level: 'silent' }),
    });
    const tick = async () => {
      Object.assign(counters, { requests: 0, documentsReturned: 0, requestCharge: 0 });
      const started = performance.now();
      await task.run(NOW);
      return { ...counters, ms: Number((performance.now() - started).toFixed(0)) };
    };
    const ticks: { background: number; due: number; requests: number; documentsReturned: number }[] = [];
    let seeded = 0;
    for (const background of BACKGROUNDS) {
      await seed(background - seeded, (i) => (i % 2 === 0 ? 'done' : 'future'));
      seeded = background;
      ticks.push({ background, due: 0, ...(await tick()) });
      for (const due of DUE) {
        await seed(due, () => 'due');
        const cost = await tick();
        ticks.push({
          background,
          due,
          ...cost,
          requestsPerDue: Number((cost.requests / due).toFixed(2)),
          documentsPerDue: Number((cost.documentsReturned / due).toFixed(2)),
        } as (typeof ticks)[number]);
      }
    }
    const withDue = ticks.filter((t) => t.due > 0);
    const perDue = withDue.map((t) => t.documentsReturned / t.due);
    return {
      networks: NETWORKS,
      ticks,
      documentsPerDue: {
        min: Number(Math.min(...perDue).toFixed(2)),
        max: Number(Math.max(...perDue).toFixed(2)),
      },
      idleTickDocuments: ticks.filter((t) => t.due === 0).map((t) => t.documentsReturned),
      // The same due ones cost the same with ten times the others (within 15%: which networks the due ones fall in,
      // and so how a network's reminders are claimed together, varies); more due ones cost no more each; an idle
      // tick reads nothing.
      proportionalToDue:
        DUE.every((due) => {
          const at = withDue.filter((t) => t.due === due);
          return (
            Math.max(...at.map((t) => t.documentsReturned)) <=
            1.15 * Math.min(...at.map((t) => t.documentsReturned))
          );
        }) &&
        BACKGROUNDS.every((background) => {
          const at = withDue
            .filter((t) => t.background === background)
            .map((t) => t.documentsReturned / t.due);
          return at.every((perDue) => perDue <= 1.15 * at[0]!);
        }) &&
        ticks.filter((t) => t.due === 0).every((t) => t.documentsReturned === 0),
      backgroundTarget: 100_000,
      note:
        'Counted on the Cosmos client the scheduler uses (an SDK request plugin): requests, documents in the answers, ' +
        'request charge as reported (the embedded server says 1 per request; on Azure it is RU). The due query ' +
        'filters on reminders.nextAt, which the default indexing policy (all paths) indexes.',
    };
  } finally {
    client.dispose();
    await seeding.close();
    await cosmos.close();
  }
}
