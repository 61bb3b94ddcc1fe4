import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startBot } from './start';
import { startTelemetry } from './start-telemetry';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  startTelemetry(config.telemetryConnectionString, config.telemetryIdentityClientId);
  const logger = createLogger(config.logLevel);
  const bot = await startBot(config, { logger });

  const stop = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    bot.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Anteckna failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
