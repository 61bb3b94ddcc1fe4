import { join } from 'node:path';
import type { EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { spawnBot } from '../helpers/bot-process';

/** Starts test/bench/cosmos-process.ts as its own process and returns its endpoint; `close` stops the process. */
export async function startCosmosProcess(timeoutMs = 30_000): Promise<EmbeddedCosmos> {
  const cosmos = spawnBot({}, join(__dirname, 'cosmos-process.ts'));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = cosmos.stdout.find((l) => l.startsWith('{"endpoint"'));
    if (line) {
      const { endpoint } = JSON.parse(line) as { endpoint: string };
      return {
        endpoint,
        async close() {
          cosmos.child.kill('SIGTERM');
          await cosmos.exit;
        },
      };
    }
    if (cosmos.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`embedded Cosmos did not start: ${cosmos.stderr.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
