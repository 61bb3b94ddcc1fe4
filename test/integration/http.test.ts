import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { ConnectorStub } from '../helpers/connector-stub';
import { TcpProxy } from '../helpers/tcp-proxy';
import { teamsActivity } from '../helpers/teams-activity';
import { postActivity, startTestBot } from '../helpers/test-bot';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

describe('HTTP endpoints', () => {
  let cosmos: EmbeddedCosmos;
  let proxy: TcpProxy;
  let bot: Bot;
  let connector: ConnectorStub;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    proxy = new TcpProxy(Number(new URL(cosmos.endpoint).port));
    await proxy.start();
    connector = new ConnectorStub();
    await connector.start();
    bot = await startTestBot({
      COSMOS_ENDPOINT: `https://localhost:${proxy.port}/`,
      COSMOS_KEY: 'local-test-key',
      COSMOS_TRUST_SELF_SIGNED: 'true',
    });
  });

  afterAll(async () => {
    await bot.close();
    await proxy.cut().catch(() => undefined);
    await cosmos.close();
    await connector.stop();
  });

  it('GET /healthz answers while the process is up', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 503 while Cosmos is unreachable and 200 when it is back', async () => {
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    await proxy.cut();
    const down = await fetch(`${bot.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', cosmos: 'unreachable' });
    await proxy.restore();
    const up = await fetch(`${bot.url}/readyz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready' });
  });

  it.each([
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"hello"'],
    ['an object that is not an activity', '{"hello":"world"}'],
    [
      'an activity without a conversation',
      JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'https://x.example/' }),
    ],
    [
      'an activity with a serviceUrl that is not a URL',
      JSON.stringify({ ...teamsActivity('message-group-chat-mention', 'x'), serviceUrl: 'nope' }),
    ],
  ])('POST /api/messages with %s gets 400 and a short error body', async (_label, body) => {
    const response = await postActivity(bot, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad request: the body is not a Bot Framework activity' });
  });

  it('POST /api/messages with malformed JSON gets 400 without echoing parser internals at length', async () => {
    const response = await postActivity(bot, '{"type": "message",');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body).length).toBeLessThan(200);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
  });

  it('a real activity is accepted and answered through the connector', async () => {
    const response = await postActivity(
      bot,
      teamsActivity('message-group-chat-mention', connector.serviceUrl),
    );
    expect(response.status).toBe(200);
    await connector.waitForCalls(1);
  });
});
