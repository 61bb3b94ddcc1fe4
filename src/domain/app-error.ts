export type AppErrorCode =
  'NotFound' | 'Conflict' | 'InvalidInput' | 'Forbidden' | 'Unavailable' | 'TeamsUnavailable';

/**
 * An expected failure with a code the edge turns into user text (see i18n/error-text.ts).
 * `detail` is for logs only; it never reaches a chat.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail: string,
    readonly options: { cause?: unknown } = {},
  ) {
    super(`${code}: ${detail}`, options);
    this.name = 'AppError';
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
