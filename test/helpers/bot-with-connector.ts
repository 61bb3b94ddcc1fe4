import type { Clock } from '../../src/domain/clock';
import { ConnectorStub } from './connector-stub';
import { startTestBot } from './test-bot';

export type TestBot = Awaited<ReturnType<typeof startTestBot>>;

/**
 * Registers the hooks for a suite that talks to one bot (embedded Cosmos) whose replies go to one connector
 * stub; both are reset before each test. Read `bot` and `connector` inside tests, not at definition time.
 */
export function withBotAndConnector(
  env: Record<string, string> = {},
  clock?: Clock,
): {
  bot: TestBot;
  connector: ConnectorStub;
} {
  const context = {} as { bot: TestBot; connector: ConnectorStub };
  beforeAll(async () => {
    context.connector = new ConnectorStub();
    await context.connector.start();
    context.bot = await startTestBot(env, undefined, clock);
  });
  beforeEach(() => {
    context.connector.reset();
    context.connector.clearFaults();
    context.bot.logs.entries.length = 0;
  });
  afterAll(async () => {
    await context.bot?.close();
    await context.connector?.stop();
  });
  return context;
}
