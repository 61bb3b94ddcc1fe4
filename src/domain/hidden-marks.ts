/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text around them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Invisible characters of no width: zero-width space, non-joiner, joiner, word joiner, BOM. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const ZERO_WIDTH_ALL = new RegExp(ZERO_WIDTH.source, 'g');
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/**
 * Text people typed, or Teams sent, without the invisible characters that can make a line read differently from
 * what it holds (a name with U+202E shown backwards, a date line rearranged). Zero-width joiners inside an emoji
 * sequence (👩‍💻) stay: there they are part of the character.
 */
export function withoutHiddenMarks(text: string): string {
  const noBidi = text.replace(BIDI_CONTROLS, '');
  if (!ZERO_WIDTH.test(noBidi)) return noBidi;
  let clean = '';
  for (const { segment } of graphemes.segment(noBidi))
    clean += PICTOGRAPHIC.test(segment) ? segment : segment.replace(ZERO_WIDTH_ALL, '');
  return clean;
}

/** Every string in a value (an activity's text, a card's data, names), without hidden marks; a new value. */
export function deepWithoutHiddenMarks<T>(value: T): T {
  if (typeof value === 'string') return withoutHiddenMarks(value) as T;
  if (Array.isArray(value)) return value.map(deepWithoutHiddenMarks) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, deepWithoutHiddenMarks(child)]),
    ) as T;
  return value;
}
