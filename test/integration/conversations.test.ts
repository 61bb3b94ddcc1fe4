import { withBotAndConnector } from '../helpers/bot-with-connector';
import { ConnectorStub } from '../helpers/connector-stub';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { attachmentCard, cardTexts, teamsActivity } from '../helpers/teams-activity';
import { postActivity, startTestBot } from '../helpers/test-bot';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';

const helpCards = (sent: Record<string, unknown>[]) =>
  sent.filter((activity) => cardTexts(attachmentCard(activity)).includes(sv['help.title']));

describe('installing the bot', () => {
  const suite = withBotAndConnector();

  it('in a group chat stores the reference and welcomes once (help, then setup), though Teams announces it twice', async () => {
    const install = teamsActivity('installation-update-group-chat', suite.connector.serviceUrl);
    const added = teamsActivity('conversation-update-bot-added-group-chat', suite.connector.serviceUrl);
    const responses = await Promise.all([
      postActivity(suite.bot, install),
      postActivity(suite.bot, added),
      postActivity(suite.bot, install),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await suite.connector.waitForCalls(2);
    await suite.bot.idle();

    expect(suite.connector.sent).toHaveLength(2);
    const [welcome, setup] = suite.connector.sent;
    expect(suite.connector.calls.map((c) => c.conversationId)).toEqual([
      install.conversation.id,
      install.conversation.id,
    ]);
    expect(cardTexts(attachmentCard(welcome ?? {}))).toEqual(
      expect.arrayContaining([sv['help.title'], 'hjälp', sv['help.command.help']]),
    );
    expect(cardTexts(attachmentCard(setup ?? {}))).toContain(sv['network.setup.title']);

    const stored = await suite.bot.deps.conversations.get(install.conversation.id);
    expect(stored).toMatchObject({
      conversationId: install.conversation.id,
      conversationType: 'groupChat',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      serviceUrl: suite.connector.serviceUrl,
      botId: '28:00000000-0000-0000-0000-000000000011',
      status: 'active',
      installedByAadObjectId: '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b',
    });
    expect(stored?.id.length).toBeLessThanOrEqual(255);
  });

  it('in a team channel stores the team and welcomes in the channel', async () => {
    const added = teamsActivity('conversation-update-bot-added-team', suite.connector.serviceUrl);
    expect((await postActivity(suite.bot, added)).status).toBe(200);
    await suite.connector.waitForCalls(1);
    expect(suite.connector.calls[0]?.conversationId).toBe(added.conversation.id);
    expect(await suite.bot.deps.conversations.get(added.conversation.id)).toMatchObject({
      conversationType: 'channel',
      teamId: '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2',
    });
    // A reply thread in the channel is the same conversation, not a new one.
    expect(
      await suite.bot.deps.conversations.get(`${added.conversation.id};messageid=1763630144908`),
    ).toMatchObject({ conversationType: 'channel' });
  });

  it('in a personal chat welcomes in the client locale when it is English', async () => {
    const install = teamsActivity('installation-update-personal', suite.connector.serviceUrl);
    await postActivity(suite.bot, install);
    await suite.connector.waitForCalls(1);
    const texts = cardTexts(attachmentCard(suite.connector.sent[0] ?? {}));
    expect(texts).toEqual(expect.arrayContaining([en['help.title'], 'help']));
    expect(texts.some((t) => t.includes('mention me'))).toBe(false);
    expect(await suite.bot.deps.conversations.get(install.conversation.id)).toMatchObject({
      conversationType: 'personal',
      locale: 'en-GB',
    });
  });

  it('marks the reference removed on uninstall, and welcomes again on a later install', async () => {
    const base = teamsActivity('installation-update-group-chat', suite.connector.serviceUrl, {
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: 't',
        id: '19:reinstall@thread.v2',
      },
    });
    await postActivity(suite.bot, base);
    await suite.connector.waitForCalls(2);
    await postActivity(suite.bot, { ...base, action: 'remove', id: 'f:remove-1' });
    expect(await suite.bot.deps.conversations.get('19:reinstall@thread.v2')).toMatchObject({
      status: 'removed',
    });
    await postActivity(suite.bot, { ...base, id: 'f:add-2' });
    await suite.connector.waitForCalls(4);
    expect(helpCards(suite.connector.sent)).toHaveLength(2);
    expect(await suite.bot.deps.conversations.get('19:reinstall@thread.v2')).toMatchObject({
      status: 'active',
    });
  });

  it('ignores another member joining: no welcome, no new reference', async () => {
    const added = teamsActivity('conversation-update-bot-added-group-chat', suite.connector.serviceUrl, {
      membersAdded: [{ id: '29:someone-else', aadObjectId: '0a0b0c0d-0000-0000-0000-000000000001' }],
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: 't',
        id: '19:other-member@thread.v2',
      },
    });
    expect((await postActivity(suite.bot, added)).status).toBe(200);
    await suite.bot.idle();
    expect(suite.connector.calls).toHaveLength(0);
    expect(await suite.bot.deps.conversations.get('19:other-member@thread.v2')).toBeUndefined();
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
    await connector.waitForCalls(2);
    await first.close();

    const second = await startTestBot(env);
    try {
      expect(await second.deps.conversations.get(install.conversation.id)).toMatchObject({
        status: 'active',
        conversationType: 'groupChat',
      });
      await postActivity(second, { ...install, id: 'f:retry-after-restart' });
      await second.idle();
      expect(helpCards(connector.sent)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
