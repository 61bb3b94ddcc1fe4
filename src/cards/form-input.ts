import { z } from 'zod';
import type { Language } from '../domain/language';
import { createTranslator, type MessageKey } from '../i18n/translator';

/** The string values a form sent, to show them again when it comes back with an error. */
export function typedValues(data: unknown): Record<string, string> {
  const parsed = z.record(z.unknown()).safeParse(data);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The form fields a failed parse complains about, named for the user ("namn (1–100 tecken), tidszon").
 * Undefined when the problem is not in a field the user can fix: the card itself is stale or altered.
 */
export function invalidFieldNames(
  error: z.ZodError,
  fieldKeys: Record<string, MessageKey>,
  language: Language,
): string | undefined {
  const t = createTranslator(language);
  const fields = [...new Set(error.issues.map((issue) => String(issue.path[0])))];
  if (fields.some((field) => !(field in fieldKeys))) return undefined;
  return fields.map((field) => t(fieldKeys[field] as MessageKey)).join(', ');
}
