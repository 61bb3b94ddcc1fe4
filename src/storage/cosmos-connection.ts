import { Agent } from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Logger } from 'pino';
import type { CosmosSettings } from '../config';
import { CONTAINERS, type ContainerName } from './containers';
import { withTurnWrites } from './turn-writes';
import type { EmbeddedCosmos } from './embedded-cosmos';

export interface CosmosConnection {
  database: Database;
  containers: Record<ContainerName, Container>;
  /** Where the data lives, for logs and the dev runner; never a key. */
  endpoint: string;
  embedded: boolean;
  /** True when Cosmos answers within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

function createClient(settings: CosmosSettings, endpoint: string): CosmosClient {
  if (settings.kind === 'embedded') {
    // The embedded server's certificate is self-signed: trust it for this one client only, never process-wide.
    return new CosmosClient({
      endpoint,
      key: 'embedded-cosmos-has-no-key',
      agent: new Agent({ rejectUnauthorized: false, keepAlive: true }),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  }
  const agent = settings.trustSelfSigned
    ? new Agent({ rejectUnauthorized: false, keepAlive: true })
    : undefined;
  const auth = settings.key
    ? { key: settings.key }
    : {
        aadCredentials: new DefaultAzureCredential({
          managedIdentityClientId: settings.managedIdentityClientId,
        }),
      };
  // A self-signed endpoint is an emulator or a local server: its advertised locations are its own listener, which
  // would bypass whatever the endpoint names (a proxy), so the endpoint is used as given.
  return new CosmosClient({
    endpoint,
    ...auth,
    ...(agent ? { agent, connectionPolicy: { enableEndpointDiscovery: false } } : {}),
  });
}

/** Connects (starting the embedded server when no endpoint is configured) and creates what is missing. */
export async function openCosmos(settings: CosmosSettings, logger: Logger): Promise<CosmosConnection> {
  let embedded: EmbeddedCosmos | undefined;
  if (settings.kind === 'embedded') {
    // Loaded only here: the server and its query engine weigh about 38 MB that a bot on Cosmos DB never needs.
    const { startEmbeddedCosmos } = await import('./embedded-cosmos');
    embedded = await startEmbeddedCosmos();
    logger.warn(
      { endpoint: embedded.endpoint },
      'no COSMOS_ENDPOINT: using the embedded in-memory Cosmos server',
    );
  }
  const endpoint = embedded?.endpoint ?? (settings.kind === 'remote' ? settings.endpoint : '');
  const client = createClient(settings, endpoint);
  try {
    const { database } = await client.databases.createIfNotExists({ id: settings.database });
    const entries = await Promise.all(
      (Object.keys(CONTAINERS) as ContainerName[]).map(async (name) => {
        const { id, partitionKey } = CONTAINERS[name];
        const { container } = await database.containers.createIfNotExists({
          id,
          partitionKey: { paths: [partitionKey] },
        });
        return [name, withTurnWrites(container)] as const;
      }),
    );
    return {
      database,
      containers: Object.fromEntries(entries) as Record<ContainerName, Container>,
      endpoint,
      embedded: embedded !== undefined,
      async ping(timeoutMs = 2000) {
        try {
          // The account read goes to the configured endpoint; data requests may go to regional endpoints
          // the account advertises, so this is the check that the service the app was pointed at answers.
          await client.getDatabaseAccount({ abortSignal: AbortSignal.timeout(timeoutMs) });
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        client.dispose();
        await embedded?.close();
      },
    };
  } catch (error) {
    client.dispose();
    await embedded?.close();
    throw error;
  }
}
