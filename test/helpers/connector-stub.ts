import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown>;
  /** The activity id this stub answered with, as Teams would. */
  id: string;
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
  /** Meeting roles served by the participant API, by `<meeting id>/<object id>`. */
  readonly meetingRoles = new Map<string, 'Organizer' | 'Presenter' | 'Attendee'>();
  /** Teams' meeting info API (GET /v1/meetings/{id}), by Teams meeting id. */
  readonly meetingInfo = new Map<string, { details: { joinUrl: string; title?: string } }>();
  /** Statuses the member API answers with next, in order, before serving members again. */
  memberFailures: number[] = [];
  /** Statuses to answer the next calls with, in order, before answering 200 again. */
  failures: number[] = [];
  private server?: Server;
  private waiters: (() => void)[] = [];
  private nextId = 1;

  get serviceUrl(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (reply) => {
          res.writeHead(reply.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(reply.body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
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
    if (req.method === 'GET' && path.endsWith('/pagedmembers')) {
      const failure = this.memberFailures.shift();
      return failure !== undefined
        ? { status: failure, body: {} }
        : this.pagedMembers(conversationId, url.searchParams);
    }
    const failure = this.failures.shift();
    if (failure !== undefined)
      return { status: failure, body: { error: { code: 'ServiceError', message: 'stub failure' } } };
    const id = `activity-${this.nextId++}`;
    this.calls.push({
      method: req.method ?? '',
      path,
      conversationId,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      id,
    });
    for (const wake of this.waiters.splice(0)) wake();
    return { status: 200, body: { id } };
  }

  private pagedMembers(conversationId: string, query: URLSearchParams): { status: number; body: unknown } {
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
    const deadline = Date.now() + timeoutMs;
    while (this.calls.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} connector calls, got ${this.calls.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  reset(): void {
    this.calls.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
