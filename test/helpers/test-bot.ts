import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { readConfig } from '../../src/config';
import { loggerOptions } from '../../src/logger';
import type { Clock } from '../../src/domain/clock';
import { startBot, type RunningBot } from '../../src/start';
import type { ConnectionLimits } from '../../src/http/create-http-server';

export interface CapturedLogs {
  logger: Logger;
  entries: Record<string, unknown>[];
}

export function captureLogs(): CapturedLogs {
  const entries: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) entries.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino(loggerOptions('debug'), sink), entries };
}

/** The real bot (real config parsing, real Cosmos SDK, real HTTP server) on a free loopback port. */
export async function startTestBot(
  env: Record<string, string> = {},
  logs: CapturedLogs = captureLogs(),
  clock?: Clock,
  extra: { connectionLimits?: ConnectionLimits } = {},
): Promise<RunningBot & { logs: CapturedLogs }> {
  const config = readConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    SHUTDOWN_GRACE_MS: '3000',
    // Tests tick the scheduler themselves.
    SCHEDULER_INTERVAL_MS: '0',
    ...env,
  });
  const bot = await startBot(config, { logger: logs.logger, ...(clock ? { clock } : {}), ...extra });
  return Object.assign(bot, { logs });
}

export async function postActivity(
  bot: { url: string },
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}
