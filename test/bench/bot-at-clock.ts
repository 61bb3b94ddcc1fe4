import { join } from 'node:path';
import type * as Config from '../../src/config';
import type * as Logger from '../../src/logger';
import type * as Start from '../../src/start';

/** The compiled bot (`npm run bench` builds it first), so it runs as deployed; the types are the sources'. */
const DIST = join(__dirname, '..', '..', 'dist', 'src');
/* eslint-disable @typescript-eslint/no-require-imports */
const { loadConfig } = require(join(DIST, 'config.js')) as typeof Config;
const { createLogger } = require(join(DIST, 'logger.js')) as typeof Logger;
const { startBot } = require(join(DIST, 'start.js')) as typeof Start;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The bot as src/index.ts starts it, with its clock moved to BENCH_CLOCK_AT (its own time then runs on from there):
 * reminders are sent on working days in sending hours, and a benchmark must not depend on when it is run.
 */
async function main(): Promise<void> {
  const offset = new Date(process.env.BENCH_CLOCK_AT ?? '').getTime() - Date.now();
  if (Number.isNaN(offset)) throw new Error('BENCH_CLOCK_AT must be an ISO instant');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const bot = await startBot(config, {
    logger,
    clock: () => new Date(Date.now() + offset),
    // Named by the benchmark when it runs several, so it can tell which tenants each holds.
    ...(process.env.BENCH_INSTANCE_ID ? { instanceId: process.env.BENCH_INSTANCE_ID } : {}),
  });
  process.once('SIGTERM', () => void bot.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
