import { ConnectorStub } from '../helpers/connector-stub';
import { teamsActivity } from '../helpers/teams-activity';
import { startTestBot } from '../helpers/test-bot';
import { TokenIssuer } from '../helpers/token-issuer';

const BOT_ID = '11111111-2222-4333-8444-555555555555';

/**
 * Inbound authentication through the real HTTP endpoint, with the bot's credentials set and its token keys
 * published by a local issuer (BOT_OPENID_METADATA_URL): a forged or misaddressed token gets 401 and touches nothing.
 */
describe('inbound token validation', () => {
  const issuer = new TokenIssuer();
  const connector = new ConnectorStub();
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let counter = 0;
  const consoleCalls: jest.SpyInstance[] = [];
  const printed = () => consoleCalls.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  const refusals = () => bot.logs.entries.filter((e) => String(e.msg).startsWith('request refused'));

  beforeAll(async () => {
    // botbuilder must print nothing for a refused token (it printed the signing keys and a stack for each).
    for (const method of ['error', 'warn', 'log', 'info'] as const)
      consoleCalls.push(jest.spyOn(console, method).mockImplementation(() => undefined));
    await issuer.start();
    await connector.start();
    bot = await startTestBot({
      BOT_ID,
      BOT_PASSWORD: 'not-used-for-inbound',
      BOT_TENANT_ID: '66666666-7777-4888-8999-000000000000',
      BOT_OPENID_METADATA_URL: issuer.metadataUrl,
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await bot?.close();
    await connector.stop();
    await issuer.stop();
  });

  const install = async (authorization?: string) => {
    counter += 1;
    const conversationId = `19:auth-${counter}@thread.v2`;
    const activity = teamsActivity('installation-update-group-chat', connector.serviceUrl, {
      conversation: { isGroup: true, conversationType: 'groupChat', tenantId: 't', id: conversationId },
    });
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: response.status, stored: await bot.deps.conversations.get(conversationId) };
  };

  it('accepts a token signed with a published key, for this bot and this service URL', async () => {
    const { stored } = await install(
      `Bearer ${issuer.token({ audience: BOT_ID, serviceUrl: connector.serviceUrl })}`,
    );
    // The install is recorded (the welcome itself cannot be sent: there is no Azure AD to get a token from here).
    expect(stored).toMatchObject({ status: 'active' });
  });

  it('answers 401 and stores nothing for a token signed with a key nobody published', async () => {
    const result = await install(
      `Bearer ${issuer.token({ audience: BOT_ID, serviceUrl: connector.serviceUrl, forged: true })}`,
    );
    expect(result).toEqual({ status: 401, stored: undefined });
  });

  it('answers 401 and stores nothing for a genuine token meant for another bot', async () => {
    const result = await install(
      `Bearer ${issuer.token({ audience: '99999999-2222-4333-8444-555555555555', serviceUrl: connector.serviceUrl })}`,
    );
    expect(result).toEqual({ status: 401, stored: undefined });
  });

  it('answers 401 without a token and for a token naming another service URL', async () => {
    expect(await install()).toEqual({ status: 401, stored: undefined });
    const result = await install(
      `Bearer ${issuer.token({ audience: BOT_ID, serviceUrl: 'https://smba.evil.example/' })}`,
    );
    expect(result).toEqual({ status: 401, stored: undefined });
    expect(connector.calls).toEqual([]);
  });

  it('logs each refusal in one line with its reason, no token, no key, and prints nothing to the console', async () => {
    const before = refusals().length;
    const printedBefore = printed();
    const forged = issuer.token({ audience: BOT_ID, serviceUrl: connector.serviceUrl, forged: true });
    const elsewhere = issuer.token({
      audience: '99999999-2222-4333-8444-555555555555',
      serviceUrl: connector.serviceUrl,
    });
    await install(`Bearer ${forged}`);
    await install(`Bearer ${elsewhere}`);
    await install('Bearer not-a-token');
    const lines = refusals().slice(before);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(typeof line.reason).toBe('string');
      const text = JSON.stringify(line);
      for (const secret of [forged, elsewhere, ...forged.split('.'), ...elsewhere.split('.')])
        expect(text).not.toContain(secret);
      expect(text).not.toMatch(/BEGIN|PUBLIC KEY|"n":|"e":"AQAB"/);
    }
    expect(printed()).toBe(printedBefore);
  });

  it('logs at most 20 refusals a minute, however many come', async () => {
    const before = refusals().length;
    const forged = `Bearer ${issuer.token({ audience: BOT_ID, serviceUrl: connector.serviceUrl, forged: true })}`;
    const answers = await Promise.all(Array.from({ length: 100 }, () => install(forged)));
    expect(answers.every((a) => a.status === 401)).toBe(true);
    expect(refusals().length - before).toBeLessThanOrEqual(20);
  });
});
