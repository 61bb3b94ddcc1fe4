import type { Logger } from 'pino';
import { randomBytes, randomUUID } from 'node:crypto';
import { createApp } from './app/create-app';
import { createAdapter } from './bot/create-adapter';
import type { BotDeps } from './bot/bot-deps';
import type { AppConfig } from './config';
import { systemClock, type Clock } from './domain/clock';
import { createAgendaPublisher } from './features/meetings/agenda-publisher';
import { createProactiveAgendaPoster } from './features/meetings/proactive-agenda-poster';
import { type ConnectionLimits, createHttpServer } from './http/create-http-server';
import { createDownloadLinks } from './http/download-links';
import { createDownloadFile } from './features/download-file';
import { createMeetingRetention } from './storage/meeting-retention';
import { createRetentionSweepTask } from './scheduler/retention-sweep';
import { createAgendaPostingTask } from './scheduler/agenda-posting';
import { createScheduler, type Scheduler } from './scheduler/scheduler';
import { createReminderTask } from './scheduler/follow-up-reminders';
import { createOverdueDigestTask } from './scheduler/overdue-digests';
import { createChatHistory } from './bot/chat-history';
import { createGraphToken } from './bot/graph-token';
import { createProactiveSender } from './bot/proactive-sender';
import { createTenantSendLeases } from './bot/tenant-send-leases';
import { createTenantLeaseRepository } from './storage/tenant-lease-repository';
import { SendGate } from './bot/send-gate';
import { createTeamsReminderDelivery } from './features/follow-ups/teams-reminder-delivery';
import { InFlight } from './http/in-flight';
import { openCosmos, type CosmosConnection } from './storage/cosmos-connection';
import { repositoriesOf } from './storage/repositories';
import { createSearchService } from './search/search-service';
import { createSearchSource } from './storage/search-source';

export interface RunningBot {
  url: string;
  port: number;
  cosmos: CosmosConnection;
  deps: BotDeps;
  scheduler: Scheduler;
  /** Resolves once no turn is in flight: whatever the turns so far sent or stored is done. */
  idle(): Promise<void>;
  /** Stops accepting, lets turns in flight finish (up to the grace period), closes connections and storage. */
  close(): Promise<void>;
}

/** Long enough for a post to Teams, short enough that a crashed instance's claim is soon taken over. */
const AGENDA_CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Longer than a reminder's send with all its retries and timeouts (attempts × timeout), so a live instance never
 * loses its claim mid-send; short enough that a crashed instance's reminders go out within minutes.
 */
const REMINDER_CLAIM_LEASE_MS = 5 * 60_000;

/** Composition root: config -> storage -> app -> server. Used by index.ts and by the integration tests. */
export async function startBot(
  config: AppConfig,
  options: {
    logger: Logger;
    clock?: Clock;
    connectionLimits?: ConnectionLimits;
    /** This process's name in claims and leases; unique per process (a fresh one by default). */
    instanceId?: string;
  },
): Promise<RunningBot> {
  const { logger } = options;
  const cosmos = await openCosmos(config.cosmos, logger);
  const clock = options.clock ?? systemClock;
  // Known once the server listens (tests listen on port 0).
  let ownBaseUrl = '';
  const deps: BotDeps = {
    logger,
    ...repositoriesOf(cosmos.containers, clock),
    importDownloads: { loopback: config.importLoopbackDownloads },
    search: createSearchService(createSearchSource(cosmos.containers)),
    downloads: createDownloadLinks(
      () => config.publicBaseUrl ?? ownBaseUrl,
      config.downloadSigningKey ?? randomBytes(32).toString('base64url'),
    ),
  };
  const adapter = createAdapter(config.bot);
  const app = createApp({
    adapter,
    deps,
    ...(config.allowedTenantIds ? { allowedTenantIds: config.allowedTenantIds } : {}),
  });
  const instanceId = options.instanceId ?? randomUUID();
  const leases = createTenantSendLeases({
    leases: createTenantLeaseRepository(cosmos.containers.leases),
    instanceId,
    logger,
  });
  const sender = createProactiveSender({
    adapter,
    botAppId: config.bot?.appId ?? '',
    gate: new SendGate(config.sendRates),
    leases,
    logger,
    timeoutMs: config.sendTimeoutMs,
  });
  const history = createChatHistory({
    ...(config.graphBaseUrl ? { baseUrl: config.graphBaseUrl } : {}),
    token: createGraphToken(config.bot),
    timeoutMs: config.sendTimeoutMs,
    logger,
  });
  const delivery = createTeamsReminderDelivery({ bot: deps, sender, history, leases, logger });
  const scheduler = createScheduler({
    clock,
    intervalMs: config.schedulerIntervalMs,
    logger,
    tasks: [
      createAgendaPostingTask({
        meetings: deps.meetings,
        networks: deps.networks,
        poster: createProactiveAgendaPoster({
          sender,
          conversations: deps.conversations,
          agenda: createAgendaPublisher(deps),
        }),
        instanceId,
        leaseMs: AGENDA_CLAIM_LEASE_MS,
        logger,
      }),
      createReminderTask({
        followUps: deps.followUps,
        networks: deps.networks,
        delivery,
        clock,
        instanceId,
        leaseMs: REMINDER_CLAIM_LEASE_MS,
        batchSize: 500,
        concurrency: 8,
        logger,
      }),
      createOverdueDigestTask({
        digests: deps.digests,
        networks: deps.networks,
        followUps: deps.followUps,
        delivery,
        instanceId,
        leaseMs: REMINDER_CLAIM_LEASE_MS,
        logger,
      }),
      createRetentionSweepTask({ retention: createMeetingRetention(cosmos.containers), logger }),
    ],
  });
  const inFlight = new InFlight();
  const server = createHttpServer({
    adapter,
    app,
    logger,
    inFlight,
    ready: () => cosmos.ping(),
    downloads: deps.downloads,
    downloadFile: createDownloadFile(deps),
    clock,
    authenticated: Boolean(config.bot),
    production: config.env === 'production',
    ...(options.connectionLimits ? { limits: options.connectionLimits } : {}),
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await cosmos.close();
    throw error;
  }
  const { port } = server.address();
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  ownBaseUrl = `http://${host}:${port}`;
  logger.info(
    {
      port,
      cosmos: cosmos.embedded ? 'embedded (in memory)' : cosmos.endpoint,
      authenticated: Boolean(config.bot),
    },
    'bot listening',
  );

  let closing: Promise<void> | undefined;
  scheduler.start();

  const close = async (): Promise<void> => {
    await scheduler.stop();
    await leases.releaseAll();
    const http = server.server;
    const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    const drained = await inFlight.drained(config.shutdownGraceMs);
    if (!drained)
      logger.warn({ inFlight: inFlight.size }, 'grace period over; closing connections with turns in flight');
    // Keep-alive sockets would otherwise hold the server open after their last response.
    http.closeAllConnections();
    await stopped;
    await cosmos.close();
    logger.info('bot stopped');
  };

  return {
    idle: async () => void (await inFlight.drained()),
    url: `http://${host}:${port}`,
    port,
    cosmos,
    deps,
    scheduler,
    close: () => (closing ??= close()),
  };
}
