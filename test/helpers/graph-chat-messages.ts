import type { ConnectorCall, Reply } from './connector-stub';

/**
 * Graph's list of a chat's messages (`GET /v1.0/chats/{id}/messages`): what was posted to or updated in that
 * conversation, newest change first, `$top` a page (at most 50), `$filter=lastModifiedDateTime gt <instant>`
 * honoured with that `$orderby`, further pages by `@odata.nextLink`. Cards come back as Graph gives them: the
 * attachment's content is the card's JSON as a string.
 */
export function graphChatMessages(
  calls: readonly ConnectorCall[],
  chatId: string,
  query: URLSearchParams,
  stub: { serviceUrl: string; clockOffsetMs: number },
): Reply {
  const after = /^lastModifiedDateTime gt (.+)$/.exec(query.get('$filter') ?? '')?.[1];
  const filtered =
    after && query.get('$orderby') === 'lastModifiedDateTime desc' ? Date.parse(after) : -Infinity;
  const latest = new Map<string, ConnectorCall>();
  for (const call of calls)
    if (call.conversationId === chatId && call.path.includes('/activities'))
      latest.set(call.method === 'PUT' ? (call.path.split('/').pop() ?? call.id) : call.id, call);
  const all = [...latest.entries()]
    .filter(([, call]) => call.at + stub.clockOffsetMs > filtered)
    .sort(([, a], [, b]) => b.at - a.at);
  const top = Math.min(50, Number(query.get('$top') ?? 50));
  const start = Number(query.get('$skiptoken') ?? 0);
  const next = new URLSearchParams(query);
  next.set('$skiptoken', String(start + top));
  return {
    status: 200,
    body: {
      value: all.slice(start, start + top).map(([id, call]) => ({
        id,
        lastModifiedDateTime: new Date(call.at + stub.clockOffsetMs).toISOString(),
        body: { contentType: 'html', content: typeof call.body.text === 'string' ? call.body.text : '' },
        attachments: ((call.body.attachments ?? []) as { contentType?: string; content?: unknown }[]).map(
          (a) => ({ contentType: a.contentType, content: JSON.stringify(a.content) }),
        ),
      })),
      ...(start + top < all.length
        ? {
            '@odata.nextLink': `${stub.serviceUrl}v1.0/chats/${encodeURIComponent(chatId)}/messages?${next.toString()}`,
          }
        : {}),
    },
  };
}
