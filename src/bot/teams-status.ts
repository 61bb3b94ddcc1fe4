/**
 * What a failed call to Teams (the Bot Connector or a Teams API, through botbuilder's HTTP client) says about
 * itself: its HTTP status and when to try again. Cosmos' errors are read apart, in storage.
 */
interface TeamsHttpFailure {
  statusCode?: unknown;
  response?: { headers?: { get?(name: string): string | undefined } };
}

/** The HTTP status of a failed call to Teams, if it got an answer. */
export const teamsStatusOf = (error: unknown): number | undefined => {
  const status =
    typeof error === 'object' && error !== null ? (error as TeamsHttpFailure).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
};

/** Whether Teams answered the call with one of `statuses`. */
export const teamsAnswered = (error: unknown, ...statuses: number[]): boolean => {
  const status = teamsStatusOf(error);
  return status !== undefined && statuses.includes(status);
};

/** How long Teams asked to wait (its Retry-After, seconds or a date), from `nowMs`. */
export function retryAfterMs(error: unknown, nowMs: number): number | undefined {
  const header = (error as TeamsHttpFailure | undefined)?.response?.headers?.get?.('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
