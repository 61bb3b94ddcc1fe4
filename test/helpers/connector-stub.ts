import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { graphChatMessages } from './graph-chat-messages';
import { overLimit } from './rate-windows';

export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown>;
  /** The activity id this stub answered with, as Teams would. */
  id: string;
  /** When it was recorded (epoch ms). */
  at: number;
}

/**
 * Stands in for Teams' Bot Connector: the bot's replies arrive here because the test activities carry this
 * server's address as serviceUrl. Records every call; can be told to answer slowly.
 */
export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  delayMs = 0;
  /** Members served by the paged member API, per conversation or team id. */
  readonly members = new Map<string, { id: string; name: string; aadObjectId?: string; email?: string }[]>();
  /** Files served at `/files/<name>`, as behind a Teams file's download address. */
  readonly files = new Map<string, Buffer>();
  /** Requests for those files. */
  readonly fileRequests: string[] = [];
  /** Meeting roles served by the participant API, by `<meeting id>/<object id>`. */
  readonly meetingRoles = new Map<string, 'Organizer' | 'Presenter' | 'Attendee'>();
  /** Teams' meeting info API (GET /v1/meetings/{id}), by Teams meeting id. */
  readonly meetingInfo = new Map<string, { details: { joinUrl: string; title?: string } }>();
  /** Statuses the member API answers with next, in order, before serving members again. */
  memberFailures: number[] = [];
  /** Statuses to answer the next calls with, in order, before answering 200 again (with Retry-After seconds). */
  failures: (number | { status: number; retryAfterSeconds: number })[] = [];
  /** Conversations Teams refuses to post to (403 bot not in roster or blocked, 404 not found). */
  readonly deadConversations = new Map<string, 403 | 404>();
  /** Users Teams will not open a 1:1 chat with (the app is not installed for them). */
  readonly refusedPersonalChats = new Map<string, 403 | 404>();
  /** How many of the next posts to hold without ever answering (a Teams that times out); they are not delivered. */
  hangs = 0;
  /** Posts are delivered (recorded) but never answered: Teams took them and the bot never hears so. */
  withholdAnswers = false;
  /** Posts held unanswered. */
  readonly hung: string[] = [];
  /**
   * Teams' throttling, when set: more than `perConversation` posts to one conversation or `perTenant` requests of
   * one tenant within any second get 429 with Retry-After (as Teams documents for bots).
   */
  limits?: { perConversation: number; perTenant: number; tenantOf(conversationId: string): string };
  /** 429s answered because of `limits`. */
  throttled = 0;
  /** When each of them was answered (epoch ms). */
  readonly throttledAt: number[] = [];
  /** The same 429s by the limit that was reached first (a request over both counts as a tenant's). */
  throttledBy = { tenant: 0, conversation: 0 };
  /** Statuses Graph's chat messages answer with next, in order (403: the app may not read the chat). */
  graphFailures: number[] = [];
  /** Reads of Graph's chat messages. */
  graphReads = 0;
  /**
   * Added to the time a call was recorded where Graph shows it (a message's lastModifiedDateTime): a bot whose
   * clock is moved (tests, benchmarks) compares those times with its own.
   */
  clockOffsetMs = 0;
  /** When the first and the latest call were recorded (epoch ms), for rates. */
  firstCallAt?: number;
  lastCallAt?: number;
  private readonly windows = new Map<string, number[]>();
  private server?: Server;
  private waiters: (() => void)[] = [];
  /** Requests that reached the stub (counted before any delay). */
  arrived = 0;
  private nextId = 1;

  get serviceUrl(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      // A file a user sent, as SharePoint/OneDrive serves it behind Teams' download address.
      if (req.method === 'GET' && req.url?.startsWith('/files/')) {
        this.fileRequests.push(req.url);
        const file = this.files.get(decodeURIComponent(req.url.slice('/files/'.length)));
        res.writeHead(file ? 200 : 404, { 'content-type': 'application/octet-stream' });
        res.end(file ?? '');
        return;
      }
      void this.handle(req).then(
        (reply) => {
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(JSON.stringify(reply.body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    // Idle connections stay open: Node's default 5 s close races the bot reusing one ("socket hang up"), a
    // failure of this stub, not of the bot.
    this.server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** Teams' create-conversation: the 1:1 chat's id is stable per user. */
  private createConversation(text: string): Reply {
    const body = JSON.parse(text) as { members?: { id: string }[] };
    const userId = body.members?.[0]?.id ?? '';
    const refused = this.refusedPersonalChats.get(userId);
    if (refused) return { status: refused, body: { error: { code: 'Forbidden' } } };
    const id = `a:personal:${userId}`;
    this.calls.push({
      method: 'POST',
      path: '/v3/conversations',
      conversationId: '',
      body,
      id,
      at: Date.now(),
    });
    return { status: 201, body: { id } };
  }

  private async handle(req: IncomingMessage): Promise<Reply> {
    this.arrived += 1;
    for (const wake of this.waiters.splice(0)) wake();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = decodeURIComponent(url.pathname);
    const conversationId = /\/v3\/conversations\/([^/]+)/.exec(path)?.[1] ?? '';
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const participant = /^\/v1\/meetings\/([^/]+)\/participants\/([^/?]+)/.exec(path);
    if (req.method === 'GET' && participant) {
      const role = this.meetingRoles.get(`${participant[1]}/${participant[2]}`);
      return role
        ? { status: 200, body: { user: { aadObjectId: participant[2] }, meeting: { role, inMeeting: true } } }
        : { status: 404, body: {} };
    }
    if (req.method === 'GET' && path.startsWith('/v1/meetings/')) {
      const info = this.meetingInfo.get(path.slice('/v1/meetings/'.length));
      return info ? { status: 200, body: info } : { status: 404, body: { error: { code: 'NotFound' } } };
    }
    const graphChat = /^\/v1\.0\/chats\/([^/]+)\/messages$/.exec(path);
    if (req.method === 'GET' && graphChat) {
      const failure = this.graphFailures.shift();
      return failure !== undefined
        ? { status: failure, body: { error: { code: 'Forbidden' } } }
        : this.chatMessages(graphChat[1]!, url.searchParams);
    }
    if (req.method === 'GET' && path.endsWith('/pagedmembers')) {
      const failure = this.memberFailures.shift();
      return failure !== undefined
        ? { status: failure, body: {} }
        : this.pagedMembers(conversationId, url.searchParams);
    }
    if (this.limits && (req.method === 'POST' || req.method === 'PUT')) {
      const now = Date.now();
      const keys: [string, number][] = [
        [`tenant:${this.limits.tenantOf(conversationId)}`, this.limits.perTenant],
      ];
      if (conversationId) keys.push([`conversation:${conversationId}`, this.limits.perConversation]);
      const over = overLimit(this.windows, keys, now);
      if (over !== undefined) {
        this.throttled += 1;
        this.throttledAt.push(now);
        this.throttledBy[over.startsWith('tenant:') ? 'tenant' : 'conversation'] += 1;
        return { status: 429, body: { error: { code: 'TooManyRequests' } }, headers: { 'retry-after': '1' } };
      }
    }
    if (req.method === 'POST' && path === '/v3/conversations') return this.createConversation(text);
    if (this.hangs > 0 && req.method === 'POST') {
      this.hangs -= 1;
      this.hung.push(conversationId);
      return new Promise(() => undefined);
    }
    const failure = this.failures.shift();
    if (failure !== undefined) {
      const { status, retryAfterSeconds } = typeof failure === 'number' ? { status: failure } : failure;
      return {
        status,
        body: { error: { code: 'ServiceError', message: 'stub failure' } },
        ...(retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {}),
      };
    }
    const dead = this.deadConversations.get(conversationId);
    if (dead)
      return {
        status: dead,
        body: { error: { code: dead === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound' } },
      };
    const id = `activity-${this.nextId++}`;
    this.lastCallAt = Date.now();
    this.firstCallAt ??= this.lastCallAt;
    this.calls.push({
      method: req.method ?? '',
      path,
      conversationId,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      id,
      at: this.lastCallAt,
    });
    for (const wake of this.waiters.splice(0)) wake();
    if (this.withholdAnswers) return new Promise(() => undefined);
    return { status: 200, body: { id } };
  }

  private chatMessages(chatId: string, query: URLSearchParams): Reply {
    this.graphReads += 1;
    return graphChatMessages(this.calls, chatId, query, {
      serviceUrl: this.serviceUrl,
      clockOffsetMs: this.clockOffsetMs,
    });
  }

  private pagedMembers(conversationId: string, query: URLSearchParams): Reply {
    const all = this.members.get(conversationId) ?? [];
    const size = Number(query.get('pageSize') ?? 100);
    const start = Number(query.get('continuationToken') ?? 0);
    const next = start + size < all.length ? String(start + size) : undefined;
    return {
      status: 200,
      body: { members: all.slice(start, start + size), ...(next ? { continuationToken: next } : {}) },
    };
  }

  /** Activities the bot sent (posts of messages), in order. */
  get sent(): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === 'POST').map((call) => call.body);
  }

  async waitForCalls(count: number, timeoutMs = 10_000): Promise<void> {
    await this.waitUntil(
      () => this.calls.length >= count,
      () => `${count} connector calls, got ${this.calls.length}`,
      timeoutMs,
    );
  }

  /** Waits until `count` requests have reached the stub, answered or not (a slow stub holds them `delayMs`). */
  async waitForArrivals(count: number, timeoutMs = 10_000): Promise<void> {
    await this.waitUntil(
      () => this.arrived >= count,
      () => `${count} requests, got ${this.arrived}`,
      timeoutMs,
    );
  }

  private async waitUntil(done: () => boolean, expected: () => string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`expected ${expected()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Forgets the calls so far; the faults it was told to make stay. */
  reset(): void {
    this.calls.length = 0;
    this.firstCallAt = undefined;
    this.lastCallAt = undefined;
    this.hung.length = 0;
    this.arrived = 0;
  }

  /** Back to a Teams that answers everything. */
  clearFaults(): void {
    this.failures = [];
    this.hangs = 0;
    this.deadConversations.clear();
    this.refusedPersonalChats.clear();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
