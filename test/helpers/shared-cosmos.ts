import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { ConnectorStub } from './connector-stub';
import { startTestBot } from './test-bot';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

/**
 * `instances` bots on one embedded Cosmos in its own server (as several App Service instances share one account),
 * replying to one connector stub; `env()` is the settings that reach that Cosmos, for a command-line tool too.
 */
export function withSharedCosmos(instances: number) {
  const context = {} as { cosmos: EmbeddedCosmos; connector: ConnectorStub; bots: Bot[] };
  const env = () => ({
    COSMOS_ENDPOINT: context.cosmos.endpoint.replace('127.0.0.1', 'localhost'),
    COSMOS_KEY: 'k',
    COSMOS_TRUST_SELF_SIGNED: 'true',
  });
  beforeAll(async () => {
    context.cosmos = await startEmbeddedCosmos();
    context.connector = new ConnectorStub();
    await context.connector.start();
    context.bots = [];
    for (let i = 0; i < instances; i += 1) context.bots.push(await startTestBot(env()));
  });
  afterAll(async () => {
    for (const bot of context.bots ?? []) await bot.close();
    await context.connector?.stop();
    await context.cosmos?.close();
  });
  return { context, env };
}
