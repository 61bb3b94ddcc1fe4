import { startEmbeddedCosmos } from '../../src/storage/embedded-cosmos';

/**
 * The embedded Cosmos in a process of its own, for the benchmarks: its query work then does not hold up the
 * connector stub in the harness, whose arrival times stand for Teams' (a Teams that waits on our database would
 * see requests bunched that left evenly). Prints `{"endpoint": ...}` once listening; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const cosmos = await startEmbeddedCosmos();
  process.stdout.write(`${JSON.stringify({ endpoint: cosmos.endpoint })}\n`);
  process.once('SIGTERM', () => void cosmos.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
