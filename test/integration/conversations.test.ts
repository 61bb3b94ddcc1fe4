import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { ConnectorStub } from '../helpers/connector-stub';
import { attachmentCard, cardTexts, teamsActivity } from '../helpers/teams-activity';
import { postActivity, startTestBot } from '../helpers/test-bot';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

describe('installing the bot', () => {
  let bot: Bot;
  let connector: ConnectorStub;

  beforeAll(async () => {
    connector = new ConnectorStub();
    await connector.start();
    bot = await startTestBot();
  });
  beforeEach(() => connector.reset());
  afterAll(async () => {
    await bot.close();
    await connector.stop();
  });

  it('in a group chat stores the conversation reference and welcomes once, though Teams announces it twice', async () => {
    const install = teamsActivity('installation-update-group-chat', connector.serviceUrl);
    const added = teamsActivity('conversation-update-bot-added-group-chat', connector.serviceUrl);
    const responses = await Promise.all([
      postActivity(bot, install),
      postActivity(bot, added),
      postActivity(bot, install),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await connector.waitForCalls(1);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(connector.sent).toHaveLength(1);
    const welcome = connector.sent[0] ?? {};
    expect(connector.calls[0]?.conversationId).toBe(install.conversation.id);
    expect(cardTexts(attachmentCard(welcome))).toEqual(
      expect.arrayContaining([sv['help.title'], 'hjälp', sv['help.command.help']]),
    );

    const stored = await bot.deps.conversations.get(install.conversation.id);
    expect(stored).toMatchObject({
      conversationId: install.conversation.id,
      conversationType: 'groupChat',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      serviceUrl: connector.serviceUrl,
      botId: '28:00000000-0000-0000-0000-000000000011',
      status: 'active',
      installedByAadObjectId: '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b',
    });
    expect(stored?.id.length).toBeLessThanOrEqual(255);
  });

  it('in a team channel stores the team and welcomes in the channel', async () => {
    const added = teamsActivity('conversation-update-bot-added-team', connector.serviceUrl);
    expect((await postActivity(bot, added)).status).toBe(200);
    await connector.waitForCalls(1);
    expect(connector.calls[0]?.conversationId).toBe(added.conversation.id);
    expect(await bot.deps.conversations.get(added.conversation.id)).toMatchObject({
      conversationType: 'channel',
      teamId: '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2',
    });
    // A reply thread in the channel is the same conversation, not a new one.
    expect(
      await bot.deps.conversations.get(`${added.conversation.id};messageid=1763630144908`),
    ).toMatchObject({ conversationType: 'channel' });
  });

  it('in a personal chat welcomes in the client locale when it is English', async () => {
    const install = teamsActivity('installation-update-personal', connector.serviceUrl);
    await postActivity(bot, install);
    await connector.waitForCalls(1);
    const texts = cardTexts(attachmentCard(connector.sent[0] ?? {}));
    expect(texts).toEqual(expect.arrayContaining([en['help.title'], 'help']));
    expect(texts.some((t) => t.includes('mention me'))).toBe(false);
    expect(await bot.deps.conversations.get(install.conversation.id)).toMatchObject({
      conversationType: 'personal',
      locale: 'en-GB',
    });
  });

  it('marks the reference removed on uninstall, and welcomes again on a later install', async () => {
    const base = teamsActivity('installation-update-group-chat', connector.serviceUrl, {
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: 't',
        id: '19:reinstall@thread.v2',
      },
    });
    await postActivity(bot, base);
    await connector.waitForCalls(1);
    await postActivity(bot, { ...base, action: 'remove', id: 'f:remove-1' });
    expect(await bot.deps.conversations.get('19:reinstall@thread.v2')).toMatchObject({ status: 'removed' });
    await postActivity(bot, { ...base, id: 'f:add-2' });
    await connector.waitForCalls(2);
    expect(connector.sent).toHaveLength(2);
    expect(await bot.deps.conversations.get('19:reinstall@thread.v2')).toMatchObject({ status: 'active' });
  });

  it('ignores another member joining: no welcome, no new reference', async () => {
    const added = teamsActivity('conversation-update-bot-added-group-chat', connector.serviceUrl, {
      membersAdded: [{ id: '29:someone-else', aadObjectId: '0a0b0c0d-0000-0000-0000-000000000001' }],
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: 't',
        id: '19:other-member@thread.v2',
      },
    });
    expect((await postActivity(bot, added)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.calls).toHaveLength(0);
    expect(await bot.deps.conversations.get('19:other-member@thread.v2')).toBeUndefined();
  });
});

describe('restarting the bot against the same Cosmos endpoint', () => {
  let cosmos: EmbeddedCosmos;
  let connector: ConnectorStub;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    connector = new ConnectorStub();
    await connector.start();
  });
  afterAll(async () => {
    await cosmos.close();
    await connector.stop();
  });

  it('keeps the stored conversation references and does not welcome again', async () => {
    const env = {
      COSMOS_ENDPOINT: cosmos.endpoint.replace('127.0.0.1', 'localhost'),
      COSMOS_KEY: 'k',
      COSMOS_TRUST_SELF_SIGNED: 'true',
    };
    const install = teamsActivity('installation-update-group-chat', connector.serviceUrl);

    const first = await startTestBot(env);
    await postActivity(first, install);
    await connector.waitForCalls(1);
    await first.close();

    const second = await startTestBot(env);
    try {
      expect(await second.deps.conversations.get(install.conversation.id)).toMatchObject({
        status: 'active',
        conversationType: 'groupChat',
      });
      await postActivity(second, { ...install, id: 'f:retry-after-restart' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(connector.sent).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
