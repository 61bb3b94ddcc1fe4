import { sv } from '../../src/i18n/sv';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { cardAction, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';

/** The fixtures' own tenant is allowed; a conversation in any other tenant is not. */
const ALLOWED = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const FOREIGN = 'bbbbbbbb-0000-4000-8000-000000000001';

describe('tenant allowlist (ALLOWED_TENANT_IDS)', () => {
  const suite = withBotAndConnector({ ALLOWED_TENANT_IDS: ALLOWED });
  let counter = 0;

  /** A group chat in `tenant`, as Teams names it both on the conversation and in channelData. */
  const inTenant = (tenant: string) => {
    counter += 1;
    return {
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: tenant,
        id: `19:tenant-${counter}@thread.v2`,
      },
      channelData: { tenant: { id: tenant } },
    };
  };

  it('serves a chat in an allowed tenant', async () => {
    await postActivity(
      suite.bot,
      teamsActivity('installation-update-group-chat', suite.connector.serviceUrl, inTenant(ALLOWED)),
    );
    await suite.connector.waitForCalls(1);
  });

  it('refuses a foreign tenant: an invoke gets 403, a message or an install no answer, and nothing is stored', async () => {
    const chat = inTenant(FOREIGN);
    const invoke = await postActivity(
      suite.bot,
      cardAction(suite.connector.serviceUrl, 'network.setup.open', {}, chat),
    );
    expect(invoke.status).toBe(403);
    const message = await postActivity(
      suite.bot,
      teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
        ...chat,
        text: '<at>Anteckna</at> hjälp',
      }),
    );
    expect(message.status).toBe(200);
    await postActivity(
      suite.bot,
      teamsActivity('installation-update-group-chat', suite.connector.serviceUrl, chat),
    );
    await suite.bot.idle();
    expect(suite.connector.calls).toEqual([]);
    expect(await suite.bot.deps.conversations.get(chat.conversation.id)).toBeUndefined();
    expect(suite.bot.logs.entries.filter((e) => e.msg === 'tenant not allowed')).toEqual([
      expect.objectContaining({ tenantId: FOREIGN, activityType: 'invoke' }),
      expect.objectContaining({ tenantId: FOREIGN, activityType: 'message' }),
      expect.objectContaining({ tenantId: FOREIGN, activityType: 'installationUpdate' }),
    ]);
  });

  it('refuses before any storage read: with Cosmos gone a foreign message still gets no error, an allowed one does', async () => {
    await suite.bot.cosmos.close();
    const foreign = await postActivity(
      suite.bot,
      teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
        ...inTenant(FOREIGN),
        text: '<at>Anteckna</at> hjälp',
      }),
    );
    expect(foreign.status).toBe(200);
    await suite.bot.idle();
    expect(suite.connector.calls).toEqual([]);
    expect(suite.bot.logs.entries.filter((e) => Number(e.level) >= 40).map((e) => e.msg)).toEqual([
      'tenant not allowed',
    ]);

    await postActivity(
      suite.bot,
      teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
        ...inTenant(ALLOWED),
        text: '<at>Anteckna</at> möten',
      }),
    );
    await suite.connector.waitForCalls(1);
    // The same request in an allowed tenant does reach storage, and says it is not answering.
    expect(suite.connector.sent[0]?.text).toBe(sv['error.Unavailable']);
  });
});
