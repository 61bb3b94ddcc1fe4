import pino from 'pino';
import { createChatHistory } from '../../src/bot/chat-history';
import type { ConversationReferenceData } from '../../src/domain/conversation';
import { ConnectorStub } from '../helpers/connector-stub';

/** Graph's chat messages as the connector stub serves them: what was posted to each conversation. */
describe('chat history (was a message posted?)', () => {
  const stub = new ConnectorStub();
  const logger = pino({ level: 'silent' });
  let tokens: (string | undefined)[] = [];
  const history = () =>
    createChatHistory({
      baseUrl: stub.serviceUrl,
      token: (tenantId) => {
        tokens.push(tenantId);
        return Promise.resolve('graph-token');
      },
      timeoutMs: 2000,
      logger,
    });
  const chat = (
    conversationId: string,
    conversationType: ConversationReferenceData['conversationType'] = 'groupChat',
  ) => ({
    conversationId,
    conversationType,
    tenantId: 'tenant-a',
    serviceUrl: stub.serviceUrl,
    channelId: 'msteams',
    botId: '28:anteckna',
  });
  const post = async (conversationId: string, elementId: string) => {
    const response = await fetch(
      `${stub.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: {
                type: 'AdaptiveCard',
                body: [{ type: 'TextBlock', id: elementId, text: 'Påminnelse' }],
              },
            },
          ],
        }),
      },
    );
    expect(response.status).toBe(200);
  };
  const anHourAgo = () => new Date(Date.now() - 3_600_000);

  beforeAll(() => stub.start());
  afterAll(() => stub.stop());
  beforeEach(() => {
    stub.reset();
    stub.clockOffsetMs = 0;
    tokens = [];
  });

  it("finds a card by its marker in the group chat's messages, and not one never posted", async () => {
    await post('19:found@thread.v2', 'reminder-a@2026-11-30T07:00:00.000Z');
    const reads = stub.graphReads;
    const h = history();
    await expect(
      h.hasPosted(chat('19:found@thread.v2'), 'reminder-a@2026-11-30T07:00:00.000Z', anHourAgo()),
    ).resolves.toBe(true);
    await expect(
      h.hasPosted(chat('19:found@thread.v2'), 'reminder-b@2026-11-30T07:00:00.000Z', anHourAgo()),
    ).resolves.toBe(false);
    // Both looked in one read of the chat, with the conversation's tenant's token.
    expect(stub.graphReads - reads).toBe(1);
    expect(tokens).toEqual(['tenant-a']);
  });

  it('reads on through pages of 50 to a card 120 messages back', async () => {
    await post('19:paged@thread.v2', 'reminder-old');
    for (let i = 0; i < 119; i++) await post('19:paged@thread.v2', `other-${i}`);
    const reads = stub.graphReads;
    await expect(history().hasPosted(chat('19:paged@thread.v2'), 'reminder-old', anHourAgo())).resolves.toBe(
      true,
    );
    expect(stub.graphReads - reads).toBe(3);
  });

  it('does not count a card posted before the claim it is asked about (by more than the minute allowed)', async () => {
    await post('19:earlier@thread.v2', 'reminder-earlier');
    // Graph shows it 10 minutes back.
    stub.clockOffsetMs = -10 * 60_000;
    await expect(
      history().hasPosted(
        chat('19:earlier@thread.v2'),
        'reminder-earlier',
        new Date(Date.now() - 5 * 60_000),
      ),
    ).resolves.toBe(false);
  });

  it('cannot tell for a 1:1 chat or a channel, and reads nothing', async () => {
    const reads = stub.graphReads;
    const h = history();
    await expect(
      h.hasPosted(chat('a:personal', 'personal'), 'reminder-x', anHourAgo()),
    ).resolves.toBeUndefined();
    await expect(
      h.hasPosted(chat('19:channel@thread.tacv2', 'channel'), 'reminder-x', anHourAgo()),
    ).resolves.toBeUndefined();
    expect(stub.graphReads).toBe(reads);
  });

  it('cannot tell when Graph refuses (the permission not granted) or does not answer', async () => {
    await post('19:refused@thread.v2', 'reminder-refused');
    stub.graphFailures = [403];
    await expect(
      history().hasPosted(chat('19:refused@thread.v2'), 'reminder-refused', anHourAgo()),
    ).resolves.toBeUndefined();
    const unreachable = createChatHistory({
      baseUrl: 'http://127.0.0.1:9/',
      token: () => Promise.resolve(undefined),
      timeoutMs: 2000,
      logger,
    });
    await expect(
      unreachable.hasPosted(chat('19:refused@thread.v2'), 'reminder-refused', anHourAgo()),
    ).resolves.toBeUndefined();
  });

  it('reads nothing without a Graph address', async () => {
    const reads = stub.graphReads;
    const none = createChatHistory({ token: () => Promise.resolve(undefined), timeoutMs: 2000, logger });
    await expect(
      none.hasPosted(chat('19:found@thread.v2'), 'reminder-x', anHourAgo()),
    ).resolves.toBeUndefined();
    expect(stub.graphReads).toBe(reads);
  });
});
