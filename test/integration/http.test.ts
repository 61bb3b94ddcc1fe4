import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { ConnectorStub } from '../helpers/connector-stub';
import { TcpProxy } from '../helpers/tcp-proxy';
import { cardAction, teamsActivity } from '../helpers/teams-activity';
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
    expect(response.body).toEqual({ error: 'bad request' });
  });

  it.each([
    ['malformed JSON', '{"type": "message",', 400, 'bad request'],
    [
      'a body with a byte order mark',
      `\uFEFF${JSON.stringify({ type: 'message', text: 'hemligt' })}`,
      400,
      'bad request',
    ],
    [
      'a body over 4 MB',
      JSON.stringify({ type: 'message', text: 'x'.repeat(5 * 1024 * 1024) }),
      413,
      'too large',
    ],
  ])(
    'POST /api/messages with %s gets a fixed body, and the detail is logged',
    async (_label, body, status, error) => {
      const logged = bot.logs.entries.length;
      const response = await postActivity(bot, body);
      expect(response).toEqual({ status, body: { error } });
      const lines = bot.logs.entries.slice(logged).filter((e) => e.msg === 'request refused');
      expect(lines).toEqual([expect.objectContaining({ status, path: '/api/messages' })]);
      expect(String(lines[0]?.detail).length).toBeGreaterThan(0);
    },
  );

  /** Recorded Teams payloads with one field of the wrong shape: each refused where it enters, nothing runs. */
  const misshapen: [string, () => Record<string, unknown>][] = [
    ['text an object', () => ({ ...message(), text: { toString: 'x' } })],
    ['entities a string', () => ({ ...message(), entities: 'mention' })],
    ['channelData a string', () => ({ ...message(), channelData: 'tenant' })],
    ['serviceUrl a javascript: address', () => ({ ...message(), serviceUrl: 'javascript:alert(1)//' })],
    [
      'serviceUrl plain http away from loopback',
      () => ({ ...message(), serviceUrl: 'http://smba.example/' }),
    ],
    ['an invoke whose value is a string', () => ({ ...invoke(), value: 'meeting.save' })],
    ['a card action without replyToId', () => ({ ...invoke(), replyToId: undefined })],
    [
      'a card action whose data is a string',
      () => ({ ...invoke(), value: { action: { type: 'Action.Execute', verb: 'x', data: 'y' } } }),
    ],
    ['the sender without an id', () => ({ ...message(), from: { name: 'Karin' } })],
  ];
  const message = () => teamsActivity('message-group-chat-mention', connector.serviceUrl);
  const invoke = () => cardAction(connector.serviceUrl, 'meeting.save', { networkId: 'n' });

  it.each(misshapen)('POST /api/messages with %s gets 400 and nothing runs', async (_label, body) => {
    connector.reset();
    const logged = bot.logs.entries.length;
    const response = await postActivity(bot, body());
    expect(response).toEqual({ status: 400, body: { error: 'bad request' } });
    await bot.idle();
    expect(connector.calls).toEqual([]);
    const lines = bot.logs.entries.slice(logged);
    expect(lines.map((e) => e.msg)).toEqual(['request refused: not a Bot Framework activity']);
  });

  it('an unknown route gets a fixed body that does not echo the path', async () => {
    const response = await fetch(`${bot.url}/secret-path-<script>`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not found' });
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
