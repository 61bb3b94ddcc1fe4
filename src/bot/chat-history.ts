import type { Logger } from 'pino';
import type { ConversationReferenceData } from '../domain/conversation';
import { recently } from '../storage/recent-reads';

/**
 * Whether a message carrying `marker` was posted to a conversation since `since`: true, false, or undefined when
 * that cannot be told (not a group chat, no access, Graph failing). Read through Microsoft Graph.
 */
export interface ChatHistory {
  hasPosted(target: ConversationReferenceData, marker: string, since: Date): Promise<boolean | undefined>;
}

/** Graph's largest page of chat messages. */
const PAGE = 50;
/** Further than this many pages back, the answer is "cannot tell". */
const MOST_PAGES = 10;
/** Several reminders of one chat taken over together share one read. */
const SHARED_MS = 10_000;

interface ChatMessagePage {
  value?: { body?: { content?: string | null }; attachments?: { content?: string | null }[] }[];
  '@odata.nextLink'?: string;
}

/**
 * A group chat's messages come from Graph's `GET /chats/{id}/messages` (a Teams group chat's conversation id is
 * its Graph chat id), newest change first and only those changed after `since` (the resource-specific permission
 * ChatMessage.Read.Chat, granted when the app is added to the chat). Channels and 1:1 chats are not read: undefined.
 * Without `baseUrl` nothing is read.
 */
export function createChatHistory(deps: {
  baseUrl?: string;
  /** A bearer token for Graph in the conversation's tenant; undefined sends none (a local stand-in). */
  token: (tenantId: string | undefined) => Promise<string | undefined>;
  timeoutMs: number;
  logger: Logger;
}): ChatHistory {
  const { baseUrl } = deps;

  /** The text of every message of the chat changed since the instant in the key (`<tenant>|<chat>|<ISO>`). */
  const messagesSince = recently(async (key: string): Promise<string[] | undefined> => {
    const [tenantId, chatId = '', since = ''] = key.split('|');
    const query = new URLSearchParams({
      $top: String(PAGE),
      $orderby: 'lastModifiedDateTime desc',
      $filter: `lastModifiedDateTime gt ${since}`,
    });
    let url: string | undefined =
      `${baseUrl?.replace(/\/+$/, '')}/v1.0/chats/${encodeURIComponent(chatId)}/messages?${query.toString()}`;
    const token = await deps.token(tenantId || undefined);
    const texts: string[] = [];
    for (let page = 0; url; page += 1) {
      if (page >= MOST_PAGES) return undefined;
      const response = await fetch(url, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
      if (!response.ok) {
        deps.logger.warn({ httpStatus: response.status }, 'chat history not readable');
        return undefined;
      }
      const body = (await response.json()) as ChatMessagePage;
      for (const message of body.value ?? []) {
        texts.push(message.body?.content ?? '');
        for (const attachment of message.attachments ?? []) texts.push(attachment.content ?? '');
      }
      url = body['@odata.nextLink'];
    }
    return texts;
  }, SHARED_MS);

  return {
    async hasPosted(target, marker, since) {
      if (!baseUrl || target.conversationType !== 'groupChat') return undefined;
      // To the minute before (reads for claims made seconds apart are shared; clocks may be a little apart).
      const from = new Date(Math.floor(since.getTime() / 60_000) * 60_000 - 60_000).toISOString();
      try {
        const texts = await messagesSince(`${target.tenantId ?? ''}|${target.conversationId}|${from}`);
        return texts?.some((text) => text.includes(marker));
      } catch (error) {
        deps.logger.warn({ err: error }, 'chat history not readable');
        return undefined;
      }
    },
  };
}
