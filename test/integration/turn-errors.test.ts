import { withBotAndConnector } from '../helpers/bot-with-connector';
import { sv } from '../../src/i18n/sv';
import { teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';

describe('turn errors', () => {
  const suite = withBotAndConnector();

  // botbuilder's connector client retries 5xx itself; a 403 (bot removed from the chat, say) is final.
  it('when Teams refuses the reply: logs with the turn ids, apologises in the user language, leaks nothing', async () => {
    suite.connector.failures = [403];
    const message = teamsActivity('message-group-chat-mention', suite.connector.serviceUrl);
    const response = await postActivity(suite.bot, message);

    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body ?? '')).not.toMatch(/stub failure|ServiceError|Error/);
    await suite.connector.waitForCalls(1);
    expect(suite.connector.sent).toEqual([
      expect.objectContaining({ type: 'message', text: sv['error.apology'] }),
    ]);
    expect(String(suite.connector.sent[0]?.text)).not.toMatch(/stub|403|Error/);

    const logged = suite.bot.logs.entries.find((entry) => entry.msg === 'turn failed');
    expect(logged).toMatchObject({
      level: 50,
      conversationId: message.conversation.id,
      activityId: message.id,
      activityType: 'message',
      err: expect.objectContaining({ message: expect.any(String), stack: expect.any(String) }),
    });
  });

  it('when even the apology cannot be sent: logs both failures and still answers HTTP without error text', async () => {
    suite.connector.failures = [403, 403];
    const response = await postActivity(
      suite.bot,
      teamsActivity('message-group-chat-mention', suite.connector.serviceUrl),
    );
    expect(response.status).toBe(200);
    expect(suite.bot.logs.entries.map((e) => e.msg)).toEqual(
      expect.arrayContaining(['turn failed', 'could not tell the user about the failure']),
    );
  });

  it('when a card handler throws: answers the invoke with the apology, never an HTTP error or its text', async () => {
    const activity = teamsActivity('invoke-action-execute', suite.connector.serviceUrl);
    const warn = jest.spyOn(suite.bot.deps.logger, 'warn').mockImplementationOnce(() => {
      throw new Error('handler exploded at /srv/app/dist/x.js:1');
    });
    try {
      // Bad data makes the handler log a warning, which is where it now throws.
      const response = await postActivity(suite.bot, {
        ...activity,
        value: { action: { type: 'Action.Execute', verb: 'help.language', data: { language: 'xx' } } },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: sv['error.apology'],
      });
      expect(suite.bot.logs.entries.find((e) => e.msg === 'turn failed')).toMatchObject({
        activityType: 'invoke',
        activityName: 'adaptiveCard/action',
      });
    } finally {
      warn.mockRestore();
    }
  });
});
