import { AppError } from '../domain/app-error';

const statusOf = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const code =
    (error as { code?: unknown; statusCode?: unknown }).statusCode ?? (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
};

export const hasStatus = (error: unknown, status: number): boolean => statusOf(error) === status;

/** Anything Cosmos throws that is not an expected status becomes Unavailable: the user is told nothing was saved. */
export function storageUnavailable(error: unknown, what: string): AppError {
  return new AppError('Unavailable', `${what}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}
