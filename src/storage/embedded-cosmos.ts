import type { AddressInfo } from 'node:net';
import createCosmosServer from '@vercel/cosmosdb-server';

export interface EmbeddedCosmos {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts the Cosmos-compatible server (`@vercel/cosmosdb-server`) on loopback. Its data lives in memory
 * and is gone when the process ends; it has no TTL, no real change feed and no 429s.
 */
export async function startEmbeddedCosmos(options: { port?: number } = {}): Promise<EmbeddedCosmos> {
  // Without keepAlive the server answers every request with `connection: close`: a TLS handshake per request.
  const server = createCosmosServer({ keepAlive: true });
  // Idle connections stay open: closing them after Node's default 5 s races a client reusing one ("socket hang
  // up" on a write). Loopback, one client per process: nothing to reclaim.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
