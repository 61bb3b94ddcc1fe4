import { randomUUID } from 'node:crypto';
import { GROUP_CHAT_MEMBERS, KARIN, fromMember } from '../fixtures/members';
import type { TestBot } from './bot-with-connector';
import type { ConnectorStub } from './connector-stub';
import { cardAction, teamsActivity } from './teams-activity';
import { postActivity } from './test-bot';

export type InvokeBody = { statusCode: number; type: string; value: unknown };
type Member = { id: string; name: string; aadObjectId: string };

/** Teams sends one mention entity per `<at>Name</at>` in the text; these are the chat's members. */
const mentionEntities = (text: string) =>
  [...text.matchAll(/<at>([^<]+)<\/at>/g)].flatMap(([whole, name]) => {
    const member = GROUP_CHAT_MEMBERS.find((m) => m.name === name);
    return member ? [{ mentioned: { id: member.id, name: member.name }, text: whole, type: 'mention' }] : [];
  });

/**
 * What a member does in the network's group chat: `say` a command to @Anteckna (returns the bot's first reply;
 * `<at>Name</at>` in the text mentions that member)
 * and `press` a card button (returns the invoke response). The chat is read when called, so it can change per test.
 */
export function chatMember(
  suite: { bot: TestBot; connector: ConnectorStub },
  chat: () => { conversation: Record<string, unknown> },
) {
  return {
    say: async (text: string, from: Member = KARIN): Promise<Record<string, unknown>> => {
      suite.connector.reset();
      const message = teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
        // Every message Teams delivers has its own id; a repeated id is a redelivery.
        id: `1${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        text: `<at>Anteckna</at> ${text}`,
        conversation: chat().conversation,
        from: fromMember(from),
      });
      message.entities = [...(message.entities as unknown[]), ...mentionEntities(text)];
      await postActivity(suite.bot, message);
      await suite.connector.waitForCalls(1);
      return suite.connector.sent[0] ?? {};
    },

    /**
     * Teams delivering the same message (one activity id) twice at once and once more later; returns what the bot
     * sent in answer to all three.
     */
    sayRedelivered: async (text: string, from: Member = KARIN): Promise<Record<string, unknown>[]> => {
      suite.connector.reset();
      const message = teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
        id: `1${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        text: `<at>Anteckna</at> ${text}`,
        conversation: chat().conversation,
        from: fromMember(from),
      });
      await Promise.all([postActivity(suite.bot, message), postActivity(suite.bot, message)]);
      await postActivity(suite.bot, message);
      return suite.connector.sent;
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
