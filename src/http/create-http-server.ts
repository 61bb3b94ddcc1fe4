import { randomUUID } from 'node:crypto';
import { requestContext } from '../logger';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import restify from 'restify';
import { activityBodySchema } from './activity-body';
import { deepWithoutHiddenMarks } from '../domain/hidden-marks';
import type { Clock } from '../domain/clock';
import { DOWNLOAD_PATH, PERSON_DATA_PATH, type DownloadLinks } from './download-links';
import type { InFlight } from './in-flight';
import { createRefusalLog } from './refusal-log';
import type { DownloadClaim } from './signed-link';

export interface HttpServerDeps {
  adapter: TeamsAdapter;
  app: Application;
  logger: Logger;
  inFlight: InFlight;
  /** True when storage answers; drives /readyz. */
  ready(): Promise<boolean>;
  downloads: DownloadLinks;
  /** The file a verified download link names, or undefined when it is gone (a minutes version, a person's data). */
  downloadFile(
    claim: DownloadClaim,
  ): Promise<{ filename: string; contentType: string; body: Buffer } | undefined>;
  clock: Clock;
  /** Whether inbound requests must carry a valid Bot Framework token (bot credentials are set). */
  authenticated: boolean;
  /** In production a service URL must be https (plain http is allowed on loopback for local runs and tests). */
  production: boolean;
  limits?: ConnectionLimits;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * How long a client may take, and how many may be connected at once. Teams sends a whole request at once; a client
 * that trickles its headers or body is closed rather than holding a socket (and memory) open.
 */
export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** How often Node checks the two above; they are exceeded by at most this much. */
  checkEveryMs: number;
  maxConnections: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  checkEveryMs: 1_000,
  maxConnections: 2_000,
};

/** Short, fixed bodies for failures: nothing from an exception ever reaches an HTTP response. */
const ERROR_BODIES: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  413: 'too large',
  415: 'unsupported media type',
};

export function createHttpServer(deps: HttpServerDeps): restify.Server {
  const server = restify.createServer({ name: 'anteckna', handleUncaughtExceptions: false });
  const limits = deps.limits ?? CONNECTION_LIMITS;
  Object.assign(server.server, {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Read when the server starts listening (Node's own default checks every 30 s).
    connectionsCheckingInterval: limits.checkEveryMs,
    maxConnections: limits.maxConnections,
  });
  // restify's bodyReader honours maxBodySize for JSON too; its typings only list it on bodyParser.
  const bodyOptions = { mapParams: false, maxBodySize: MAX_BODY_BYTES };
  server.use(restify.plugins.jsonBodyParser(bodyOptions));
  const refused = createRefusalLog(deps.logger, deps.clock);
  const activityBody = activityBodySchema({ production: deps.production });
  // restify answers what it refuses itself (a body it cannot parse or that is too large, an unknown route) with its
  // parser's message, which echoes part of the request: the answer is a fixed body, the detail goes to the log.
  server.on(
    'restifyError',
    (
      req: restify.Request,
      _res: restify.Response,
      err: Error & { statusCode?: number },
      done: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      deps.logger.warn(
        {
          status,
          method: req.method,
          path: req.getPath(),
          reason: err.name,
          detail: err.message.slice(0, 200),
        },
        'request refused',
      );
      const body = { error: ERROR_BODIES[status] ?? (status >= 500 ? 'internal error' : 'request refused') };
      Object.assign(err, { toJSON: () => body, toString: () => JSON.stringify(body), body });
      done();
    },
  );

  // restify wants an async function here (or one taking `next`).
  server.post('/api/messages', async (req, res) =>
    requestContext.run({ requestId: randomUUID() }, async () => {
      const parsed = activityBody.safeParse(req.body);
      if (!parsed.success) {
        deps.logger.warn(
          {
            status: 400,
            detail: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
          },
          'request refused: not a Bot Framework activity',
        );
        res.send(400, { error: ERROR_BODIES[400] });
        return;
      }
      // Text enters here (messages, card data, names Teams sends): without the marks that could rearrange a line.
      req.body = deepWithoutHiddenMarks(req.body as unknown);
      await deps.inFlight.track(async () => {
        let status = 200;
        let body: unknown;
        // botbuilder writes its answer into this object; the real response is written once, below, so a 5xx
        // never carries botbuilder's error text.
        const captured = {
          socket: req.socket,
          status: (code: number) => void (status = code),
          header: () => undefined,
          send: (value: unknown) => void (body = value),
          end: () => undefined,
        };
        let turnStarted = false;
        try {
          await deps.adapter.process(req, captured, async (context) => {
            turnStarted = true;
            await deps.app.run(context);
          });
        } catch (error) {
          deps.logger.error({ err: error }, 'activity processing failed');
          status = 500;
        }
        // botbuilder turns its own token failures into 401, but rethrows jsonwebtoken's (a bad signature, a
        // malformed token) and answers 500. With credentials set, nothing before the turn can fail but the token
        // check, so a failure before the turn started is an unauthenticated request.
        if (status >= 500 && !turnStarted && deps.authenticated) status = 401;
        if (status === 401) refused(body);
        if (status >= 500) res.send(status, { error: 'internal error' });
        else if (status >= 400) res.send(status, { error: ERROR_BODIES[status] ?? 'request refused' });
        else if (body === undefined) res.send(status);
        else res.send(status, body);
      });
    }),
  );

  // Files (minutes, a person's data for their chair) only through a signed link that has not expired: never an
  // open URL. The token rides in the query: restify's router caps path parameters at 100 characters.
  const download = (path: string, personData: boolean) =>
    server.get(path, async (req, res) => {
      const token = new URL(req.url ?? '', 'http://localhost').searchParams.get('token') ?? '';
      const verified = deps.downloads.verify(token, deps.clock());
      if (verified.ok && 'kind' in verified.claim !== personData) {
        res.send(403, { error: 'forbidden' });
        return;
      }
      if (!verified.ok) {
        res.send(verified.problem === 'expired' ? 410 : 403, {
          error: verified.problem === 'expired' ? 'link expired' : 'forbidden',
        });
        return;
      }
      try {
        const file = await deps.downloadFile(verified.claim);
        if (!file) {
          res.send(404, { error: 'not found' });
          return;
        }
        res.writeHead(200, {
          'Content-Type': file.contentType,
          'Content-Length': file.body.length,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          'Cache-Control': 'private, no-store',
        });
        res.end(file.body);
      } catch (error) {
        deps.logger.error({ err: error }, 'download failed');
        res.send(503, { error: 'unavailable' });
      }
    });
  download(DOWNLOAD_PATH, false);
  download(PERSON_DATA_PATH, true);

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    const ok = await deps.ready();
    res.send(ok ? 200 : 503, ok ? { status: 'ready' } : { status: 'unavailable', cosmos: 'unreachable' });
  });

  return server;
}
