import { randomUUID } from 'node:crypto';
import { KARIN, fromMember } from '../fixtures/members';
import type { TestBot } from './bot-with-connector';
import type { ConnectorStub } from './connector-stub';
import { cardAction, teamsActivity } from './teams-activity';
import { postActivity } from './test-bot';

export type InvokeBody = { statusCode: number; type: string; value: unknown };
type Member = { id: string; name: string; aadObjectId: string };

/**
 * What a member does in the network's group chat: `say` a command to @Anteckna (returns the bot's first reply)
 * and `press` a card button (returns the invoke response). The chat is read when called, so it can change per test.
 */
export function chatMember(
  suite: { bot: TestBot; connector: ConnectorStub },
  chat: () => { conversation: Record<string, unknown> },
) {
  return {
    say: async (text: string, from: Member = KARIN): Promise<Record<string, unknown>> => {
      suite.connector.reset();
      await postActivity(
        suite.bot,
        teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
          // Every message Teams delivers has its own id; a repeated id is a redelivery.
          id: `1${randomUUID().replace(/-/g, '').slice(0, 12)}`,
          text: `<at>Anteckna</at> ${text}`,
          conversation: chat().conversation,
          from: fromMember(from),
        }),
      );
      await suite.connector.waitForCalls(1);
      return suite.connector.sent[0] ?? {};
    },

    press: async (verb: string, data: Record<string, unknown>, from: Member = KARIN): Promise<InvokeBody> => {
      const response = await postActivity(
        suite.bot,
        cardAction(suite.connector.serviceUrl, verb, data, {
          conversation: chat().conversation,
          from: fromMember(from),
        }),
      );
      if (response.status !== 200) throw new Error(`invoke ${verb} answered ${response.status}`);
      return response.body as InvokeBody;
    },
  };
}
