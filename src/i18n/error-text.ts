import { isAppError } from '../domain/app-error';
import type { Translate } from './translator';

/** The one place an error becomes words for a user: coded errors by code, anything else an apology. */
export function errorText(error: unknown, t: Translate): string {
  return isAppError(error) ? t(`error.${error.code}`) : t('error.apology');
}
