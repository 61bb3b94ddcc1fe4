import { sv } from '../../src/i18n/sv';
import { ConnectorStub } from '../helpers/connector-stub';
import { teamsActivity } from '../helpers/teams-activity';
import { postActivity, startTestBot } from '../helpers/test-bot';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

describe('turn errors', () => {
  let bot: Bot;
  let connector: ConnectorStub;

  beforeAll(async () => {
    connector = new ConnectorStub();
    await connector.start();
    bot = await startTestBot();
  });
  beforeEach(() => {
    connector.reset();
    bot.logs.entries.length = 0;
  });
  afterAll(async () => {
    await bot.close();
    await connector.stop();
  });

  // botbuilder's connector client retries 5xx itself; a 403 (bot removed from the chat, say) is final.
  it('when Teams refuses the reply: logs with the turn ids, apologises in the user language, leaks nothing', async () => {
    connector.failures = [403];
    const message = teamsActivity('message-group-chat-mention', connector.serviceUrl);
    const response = await postActivity(bot, message);

    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body ?? '')).not.toMatch(/stub failure|ServiceError|Error/);
    await connector.waitForCalls(1);
    expect(connector.sent).toEqual([expect.objectContaining({ type: 'message', text: sv['error.apology'] })]);
    expect(String(connector.sent[0]?.text)).not.toMatch(/stub|403|Error/);

    const logged = bot.logs.entries.find((entry) => entry.msg === 'turn failed');
    expect(logged).toMatchObject({
      level: 50,
      conversationId: message.conversation.id,
      activityId: message.id,
      activityType: 'message',
      err: expect.objectContaining({ message: expect.any(String), stack: expect.any(String) }),
    });
  });

  it('when even the apology cannot be sent: logs both failures and still answers HTTP without error text', async () => {
    connector.failures = [403, 403];
    const response = await postActivity(
      bot,
      teamsActivity('message-group-chat-mention', connector.serviceUrl),
    );
    expect(response.status).toBe(200);
    expect(bot.logs.entries.map((e) => e.msg)).toEqual(
      expect.arrayContaining(['turn failed', 'could not tell the user about the failure']),
    );
  });

  it('when a card handler throws: answers the invoke with the apology, never an HTTP error or its text', async () => {
    const activity = teamsActivity('invoke-action-execute', connector.serviceUrl);
    const warn = jest.spyOn(bot.deps.logger, 'warn').mockImplementationOnce(() => {
      throw new Error('handler exploded at /srv/app/dist/x.js:1');
    });
    try {
      // Bad data makes the handler log a warning, which is where it now throws.
      const response = await postActivity(bot, {
        ...activity,
        value: { action: { type: 'Action.Execute', verb: 'help.language', data: { language: 'xx' } } },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: sv['error.apology'],
      });
      expect(bot.logs.entries.find((e) => e.msg === 'turn failed')).toMatchObject({
        activityType: 'invoke',
        activityName: 'adaptiveCard/action',
      });
    } finally {
      warn.mockRestore();
    }
  });
});
