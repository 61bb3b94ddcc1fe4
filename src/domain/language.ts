export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The network's own setting wins; otherwise the client's locale when it is one we speak; otherwise Swedish,
 * the networks' working language.
 */
export function resolveLanguage(input: { networkLanguage?: Language; locale?: string }): Language {
  if (input.networkLanguage) return input.networkLanguage;
  const primary = input.locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : 'sv';
}
