import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from './config';

/** The request (an HTTP call, a scheduler tick) a log line belongs to; set where each one starts. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Structured JSON logs carry ids (conversation, activity, network, follow-up), never names, e-mail addresses or
 * message text: secrets in headers and whatever an HTTP error object holds of the request or response are
 * redacted, and every line within a request gets its `requestId`.
 */
export const loggerOptions = (level: AppConfig['logLevel']): LoggerOptions => ({
  name: 'anteckna',
  level,
  redact: {
    paths: [
      'req.headers.authorization',
      'headers.authorization',
      'err.request',
      'err.response',
      'err.details',
      'err.body',
    ],
    remove: true,
  },
  mixin: () => requestContext.getStore() ?? {},
});

export function createLogger(level: AppConfig['logLevel']): Logger {
  return pino(loggerOptions(level));
}
