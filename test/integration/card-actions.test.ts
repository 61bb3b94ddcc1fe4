import { withBotAndConnector } from '../helpers/bot-with-connector';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';
import { cardTexts, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';

describe('Action.Execute on the help card', () => {
  const suite = withBotAndConnector();

  const invoke = (data: unknown, verb = 'help.language') => {
    const activity = teamsActivity('invoke-action-execute', suite.connector.serviceUrl);
    const value = { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
    return postActivity(suite.bot, { ...activity, value });
  };

  it('answers the invoke with the card in the chosen language, for the user who pressed it', async () => {
    const response = await invoke({ language: 'en' });
    expect(response.status).toBe(200);
    const body = response.body as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(body.value)).toEqual(expect.arrayContaining([en['help.title'], 'help', 'På svenska']));
    expect(suite.connector.calls).toHaveLength(0);
  });

  it.each([
    ['an unknown language', { language: 'de' }],
    ['no data', undefined],
    ['a number for the language', { language: 7 }],
  ])(
    'answers a tampered or stale card (%s) with a message in the user language and sends nothing',
    async (_label, data) => {
      const response = await invoke(data);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: sv['card.stale'],
      });
      expect(suite.connector.calls).toHaveLength(0);
    },
  );

  it('answers a button whose verb this version does not know as a stale card', async () => {
    const response = await invoke({ meetingId: 'm-1' }, 'rsvp.answer.v0');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: sv['card.stale'],
    });
  });
});
