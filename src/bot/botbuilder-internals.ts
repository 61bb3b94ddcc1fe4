/**
 * Every change this bot makes to botbuilder's internals, in one place: connector and token clients reused across
 * turns, and a proactive send's client with our retries and timeout instead of its own. Each relies on what
 * botbuilder 4.x does inside; test/unit/botbuilder-internals.test.ts fails if an upgrade changes that.
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';

type Authentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type ClaimsIdentity = Parameters<Authentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Authentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Authentication['createUserTokenClient']>>;

/** Clients kept per kind: one per bot app id, Teams service URL (one per region) and audience in practice. */
const KEPT = 200;

/** The bot's app id as botbuilder reads it from a request's claims (audience, else appid); '' when anonymous. */
const appIdOf = (claims: ClaimsIdentity): string =>
  claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';

/** Clients made on first use and kept (the least recently used go first); one that failed to be made is not. */
function keeper<T>() {
  const kept = new LRUCache<string, Promise<T>>({ max: KEPT });
  return (key: string, make: () => Promise<T>): Promise<T> => {
    let client = kept.get(key);
    if (!client) {
      const made = make();
      client = made;
      kept.set(key, made);
      made.catch(() => {
        if (kept.peek(key) === made) kept.delete(key);
      });
    }
    return client;
  };
}

/**
 * botbuilder builds a new ConnectorClient and UserTokenClient, each with its own HTTP pipeline, for every incoming
 * activity and every proactive send, a large part of the CPU of answering a card or sending a reminder.
 * Neither holds per-turn state (tokens live in botbuilder's process-wide cache), so they are made once per app id,
 * service URL and audience and reused. Wraps the adapter's own BotFrameworkAuthentication in place.
 */
export function reuseConnectors(authentication: Authentication): void {
  const connectors = keeper<ConnectorClient>();
  const tokenClients = keeper<UserTokenClient>();
  const reusing = (factory: ConnectorFactory, appId: string): ConnectorFactory => ({
    create: (serviceUrl, audience) =>
      connectors(`${appId}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
  });

  const authenticateRequest = authentication.authenticateRequest.bind(authentication);
  authentication.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? { ...result, connectorFactory: reusing(result.connectorFactory, appIdOf(result.claimsIdentity)) }
      : result;
  };
  const createConnectorFactory = authentication.createConnectorFactory.bind(authentication);
  authentication.createConnectorFactory = (claims) =>
    reusing(createConnectorFactory(claims), appIdOf(claims));
  const createUserTokenClient = authentication.createUserTokenClient.bind(authentication);
  authentication.createUserTokenClient = (claims) =>
    tokenClients(appIdOf(claims), () => createUserTokenClient(claims));
}

interface PipelineLike {
  getOrderedPolicies(): { name: string }[];
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: { timeout: number }, next: (request: unknown) => Promise<unknown>): Promise<unknown>;
  }): void;
}

export const TIMEOUT_POLICY = 'anteckna-send-timeout';

/**
 * botbuilder's connector client retries 408/429/5xx itself (three times, unbounded by any timeout we set) and has no
 * request timeout: a request we gave up on could still be retried and delivered after our own retry. So for this
 * turn's client its retry policy goes and each request gets a timeout that really aborts it; retrying is ours.
 */
export function ownRetriesAndTimeout(context: TurnContext, timeoutMs: number): void {
  const connector = context.turnState.get<{ client?: { pipeline?: PipelineLike } } | undefined>(
    context.adapter.ConnectorClientKey,
  );
  const pipeline = connector?.client?.pipeline;
  if (!pipeline || pipeline.getOrderedPolicies().some((p) => p.name === TIMEOUT_POLICY)) return;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy({
    name: TIMEOUT_POLICY,
    sendRequest(request, next) {
      request.timeout = timeoutMs;
      return next(request);
    },
  });
}
