import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import pretty from 'pino-pretty';
import { ConfigError, loadConfig } from '../config';
import { startBot } from '../start';
import { startPlayground } from './playground';

const PLAYGROUND_PORT = 56150;

/** `npm run dev`: the bot on the embedded Cosmos server (unless COSMOS_ENDPOINT is set) plus Agents Playground. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino(
    { name: 'anteckna', level: config.logLevel },
    pretty({ colorize: true, ignore: 'pid,hostname' }),
  );
  const bot = await startBot(config, { logger });
  const playground = await startPlayground({
    botEndpoint: `${bot.url}/api/messages`,
    port: PLAYGROUND_PORT,
    workDir: await mkdtemp(join(tmpdir(), 'anteckna-playground-')),
  });

  const storage = bot.cosmos.embedded
    ? 'embedded Cosmos-compatible server, in memory: everything is lost when you stop'
    : bot.cosmos.endpoint;
  process.stdout.write(
    [
      '',
      `  Anteckna is running at ${bot.url}/api/messages`,
      `  Storage: ${storage}`,
      '',
      `  Open Agents Playground (the local Teams client): ${playground.url}`,
      '  Personal chat, the group chat "Socialchefsnätverket" and the team "Regionförbundet" are set up;',
      '  in the group chat and channels type @ and pick Anteckna, then hjälp or help.',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n') + '\n',
  );

  const stop = (): void => {
    Promise.all([playground.stop(), bot.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
