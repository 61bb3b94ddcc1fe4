import pino, { type Logger } from 'pino';
import type { AppConfig } from './config';

/** Structured JSON logs on stdout; secrets in request headers are redacted. */
export function createLogger(level: AppConfig['logLevel']): Logger {
  return pino({
    name: 'anteckna',
    level,
    redact: ['req.headers.authorization', 'headers.authorization'],
  });
}
