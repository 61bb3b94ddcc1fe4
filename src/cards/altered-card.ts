import type { SafeParseReturnType } from 'zod';

/**
 * Card data with a field the card does not have was altered (or comes from another card): answered as a stale
 * card, not as a form's missing or wrong value.
 */
export const isAlteredCard = (parsed: SafeParseReturnType<unknown, unknown>): boolean =>
  !parsed.success && parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys');
