import { TeamsAdapter } from '@microsoft/teams-ai';
import { createChatHistory } from '../../src/bot/chat-history';
import { createProactiveSender } from '../../src/bot/proactive-sender';
import { SendGate, TEAMS_SEND_RATES } from '../../src/bot/send-gate';
import type { TenantSendLeases } from '../../src/bot/tenant-send-leases';
import type { FollowUp } from '../../src/domain/follow-up';
import { createTeamsReminderDelivery } from '../../src/features/follow-ups/teams-reminder-delivery';
import { createReminderTask, type ReminderDelivery } from '../../src/scheduler/follow-up-reminders';
import { withBotAndConnector, type TestBot } from './bot-with-connector';
import type { ConnectorCall, ConnectorStub } from './connector-stub';
import { attachmentCard } from './teams-activity';

// Due reminders and scheduler instances for the tests of several instances on one Cosmos
// (test/integration/reminders-*-instances.test.ts).

export const COUNT = 1000;
export const TENANTS = 5;
export const LEASE_MS = 5 * 60_000;
export const DUE_AT = '2026-11-30T07:00:00.000Z'; // Monday 08:00 in Stockholm

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel<T>(
  items: T[],
  width: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** An open follow-up whose reminder is due at DUE_AT (by default owned by an organisation: it goes to the chat). */
export function dueFollowUp(
  networkId: string,
  followUpId: string,
  owner: FollowUp['owner'] = { kind: 'organisation', name: 'Kungälv' },
): FollowUp {
  const created = new Date(Date.parse(DUE_AT) - 7 * 86_400_000).toISOString();
  return {
    networkId,
    followUpId,
    meetingId: '00000000-0000-4000-8000-000000000001',
    owner,
    text: `uppgift ${followUpId}`,
    due: '2026-12-03',
    status: 'open',
    changes: [],
    revision: 0,
    reminders: { nextAt: DUE_AT, sent: [] },
    createdBy: 'test',
    createdAt: created,
    updatedAt: created,
  };
}

/** How many reminder cards each follow-up got among `calls` (a card's Done button carries its id). */
export function postsPerFollowUp(calls: ConnectorCall[]): Map<string, number> {
  const perFollowUp = new Map<string, number>();
  for (const call of calls) {
    const card = attachmentCard(call.body) as { actions?: { data?: { followUpId?: string } }[] } | undefined;
    const id = card?.actions?.[0]?.data?.followUpId;
    if (id) perFollowUp.set(id, (perFollowUp.get(id) ?? 0) + 1);
  }
  return perFollowUp;
}

/** A follow-up due at DUE_AT, owned by a member whose 1:1 chat (in `tenantId`) the bot knows. */
export async function seedDueReminder(
  bot: TestBot,
  serviceUrl: string,
  seed: { networkId: string; followUpId: string; userId: string; aadObjectId: string; tenantId: string },
): Promise<void> {
  await bot.deps.conversations.savePersonal(seed.aadObjectId, {
    conversationId: `a:personal:${seed.userId}`,
    conversationType: 'personal',
    tenantId: seed.tenantId,
    serviceUrl,
    channelId: 'msteams',
    botId: '28:anteckna',
  });
  await bot.deps.followUps.create(
    dueFollowUp(seed.networkId, seed.followUpId, {
      kind: 'member',
      name: `Ägare ${seed.userId}`,
      userId: seed.userId,
      aadObjectId: seed.aadObjectId,
    }),
  );
}

/**
 * A scheduler instance as a process of its own would have it (its own adapter, sender and send gate), on the suite's
 * bot's stores and connector stub, at the suite's clock.
 */
export const reminderInstance =
  (suite: { bot: TestBot; connector: ConnectorStub }, clock: () => Date) =>
  (
    name: string,
    {
      wrap = (d) => d,
      gate = new SendGate(TEAMS_SEND_RATES),
      followUps = suite.bot.deps.followUps,
      networks = suite.bot.deps.networks,
      leases,
    }: {
      wrap?: (inner: ReminderDelivery) => ReminderDelivery;
      gate?: SendGate;
      followUps?: typeof suite.bot.deps.followUps;
      networks?: typeof suite.bot.deps.networks;
      leases?: TenantSendLeases;
    } = {},
  ) =>
    createReminderTask({
      followUps,
      networks,
      delivery: wrap(
        createTeamsReminderDelivery({
          bot: suite.bot.deps,
          sender: createProactiveSender({
            adapter: new TeamsAdapter({}),
            botAppId: '',
            gate,
            ...(leases ? { leases } : {}),
            logger: suite.bot.logs.logger,
            timeoutMs: 5000,
          }),
          history: createChatHistory({
            baseUrl: suite.connector.serviceUrl,
            token: () => Promise.resolve(undefined),
            timeoutMs: 5000,
            logger: suite.bot.logs.logger,
          }),
          ...(leases ? { leases } : {}),
          logger: suite.bot.logs.logger,
        }),
      ),
      clock,
      instanceId: name,
      leaseMs: LEASE_MS,
      batchSize: 100,
      concurrency: 16,
      logger: suite.bot.logs.logger,
    });

/**
 * A suite with one bot on the embedded Cosmos, its clock (`clock.now`, Monday 23 November 2026 10:00 in Stockholm
 * until a test moves it), and scheduler instances of its own on the bot's stores.
 */
export function instancesSuite() {
  const clock = { now: new Date('2026-11-23T09:00:00Z') };
  const suite = withBotAndConnector({}, () => clock.now);
  return { suite, clock, instance: reminderInstance(suite, () => clock.now) };
}
