import { withBotAndConnector } from '../helpers/bot-with-connector';
import { networkIdForConversation } from '../../src/domain/conversation';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';
import { attachmentCard, cardTexts, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';

describe('text commands', () => {
  const suite = withBotAndConnector();

  const say = async (text: string, overrides: Record<string, unknown> = {}) => {
    suite.connector.reset();
    const message = teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
      text,
      ...overrides,
    });
    const response = await postActivity(suite.bot, message);
    expect(response.status).toBe(200);
    await suite.connector.waitForCalls(1);
    return { reply: suite.connector.sent[0] ?? {}, call: suite.connector.calls[0], message };
  };

  it('answers "@Anteckna hjälp" in a group chat with the help card, as a reply in that chat', async () => {
    const { reply, call, message } = await say('<at>Anteckna</at> hjälp');
    expect(call?.conversationId).toBe(message.conversation.id);
    expect(reply.replyToId).toBe(message.id);
    const texts = cardTexts(attachmentCard(reply));
    expect(texts).toEqual(
      expect.arrayContaining([
        sv['help.title'],
        'hjälp',
        'I gruppchattar och kanaler nämner du mig först, till exempel: @Anteckna hjälp',
      ]),
    );
  });

  it('answers "help" from an English client in English', async () => {
    const { reply } = await say('<at>Anteckna</at> help', { locale: 'en-US' });
    expect(cardTexts(attachmentCard(reply))).toEqual(expect.arrayContaining([en['help.title'], 'help']));
  });

  it('answers in the network language when the network has one, whatever the client locale', async () => {
    const chatId = '19:english-network@thread.v2';
    const networkId = networkIdForConversation(chatId);
    await suite.bot.deps.networks.createIfAbsent({
      networkId,
      conversationId: chatId,
      status: 'active',
      settings: {
        name: 'Elderly care',
        chairs: [],
        language: 'en',
        timeZone: 'Europe/Stockholm',
        agendaLeadDays: 7,
      },
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    const conversation = { isGroup: true, conversationType: 'groupChat', tenantId: 't', id: chatId };
    const { reply } = await say('<at>Anteckna</at> hjälp', { conversation, locale: 'sv-SE' });
    expect(cardTexts(attachmentCard(reply))).toContain(en['help.title']);
  });

  it('gives a one-line hint in the user language for an unknown command, quoting it', async () => {
    const { reply } = await say('<at>Anteckna</at> visa protokollet');
    expect(reply.text).toBe('Jag förstår inte ”visa protokollet”. Skriv hjälp för att se vad jag kan.');
    expect(reply.attachments).toBeUndefined();
  });

  it('shortens a long unknown text in the hint', async () => {
    const { reply } = await say(`<at>Anteckna</at> ${'ö'.repeat(500)}`);
    expect(String(reply.text).length).toBeLessThan(140);
    expect(reply.text).toContain('…');
  });

  it('answers a bare mention with the hint, never silence', async () => {
    const { reply } = await say('<at>Anteckna</at>');
    expect(reply.text).toBe(sv['fallback.empty']);
  });
});
