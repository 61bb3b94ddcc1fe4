import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';

/** Lines logged for refused tokens per minute; beyond, they are counted and the count logged once. */
const LINES_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

/** What a refusal's reason may show: no token, no key, nothing long enough to be either. */
function safeReason(reason: unknown): string {
  const text = typeof reason === 'string' ? reason : 'refused';
  return text
    .replace(/-----BEGIN[\s\S]*?-----END[^-]*-----/g, '[key]')
    .replace(/[A-Za-z0-9+/=_-]{32,}/g, '[redacted]')
    .slice(0, 160);
}

/** Runs `flush` after `ms`, without keeping the process alive for it. */
export type Schedule = (flush: () => void, ms: number) => void;
const unrefTimer: Schedule = (flush, ms) => {
  setTimeout(flush, ms).unref();
};

/**
 * One warning line per refused token (its reason, never the token or key material), at most LINES_PER_MINUTE a
 * minute: an unauthenticated caller can send any number of requests, and must not fill the disk with them. What
 * went over is counted and logged in one line when its minute ends (a timer, so a flood that stops is still
 * counted).
 */
export function createRefusalLog(logger: Logger, clock: Clock, schedule: Schedule = unrefTimer) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let logged = 0;
  let unlogged = 0;
  const flush = () => {
    if (unlogged === 0) return;
    logger.warn(
      { unlogged, since: new Date(windowStart).toISOString() },
      'more requests refused: token not valid',
    );
    unlogged = 0;
  };
  return (reason: unknown): void => {
    const now = clock().getTime();
    if (now - windowStart >= MINUTE_MS) {
      flush();
      windowStart = now;
      logged = 0;
    }
    if (logged >= LINES_PER_MINUTE) {
      if (unlogged === 0) schedule(flush, Math.max(0, windowStart + MINUTE_MS - now));
      unlogged += 1;
      return;
    }
    logged += 1;
    logger.warn({ reason: safeReason(reason) }, 'request refused: token not valid');
  };
}
