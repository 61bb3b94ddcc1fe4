/**
 * "3, 6", "3 och 6", "punkt 1 and 4": the agenda items a guest was there for. Empty text is no items (the whole
 * meeting); numbers not on the agenda are returned as `unknown` so the answer can name them.
 */
export function parseItemList(text: string, itemCount: number): { items: number[] } | { unknown: string[] } {
  const words = text
    .toLocaleLowerCase('sv')
    .replace(/\b(?:punkt(?:erna)?|items?|och|and|p)\b|[,.&;]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const unknown = words.filter(
    (word) => !/^\d{1,2}$/.test(word) || Number(word) < 1 || Number(word) > itemCount,
  );
  if (unknown.length) return { unknown };
  return { items: [...new Set(words.map(Number))].sort((a, b) => a - b) };
}
