/** What a `sök` line asks for: the words, and the filters written in the same line. */
export interface SearchQuery {
  words: string[];
  kinds?: ('decision' | 'followUp')[];
  /** Open follow-ups only. */
  open?: boolean;
  year?: number;
  /** yyyy-mm-dd: meetings on or after it. */
  since?: string;
}

const DECISIONS = new Set(['beslut', 'decisions', 'decision']);
const FOLLOW_UPS = new Set(['uppgifter', 'uppgift', 'follow-ups', 'followups', 'actions']);
const OPEN = new Set(['öppna', 'oppna', 'open']);
const IGNORED = new Set(['punkt', 'item', 'i', 'om', 'about', 'in']);

/**
 * Reads `sök <ord>` / `search <words>`: `beslut`, `uppgifter`, `öppna`, a year ("2025") and `sedan 2025-01-01` /
 * `since …` are filters; the rest are the words searched for.
 */
export function parseSearch(args: string): SearchQuery {
  const tokens = args.normalize('NFC').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const query: SearchQuery = { words: [] };
  const kinds = new Set<'decision' | 'followUp'>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (DECISIONS.has(token)) kinds.add('decision');
    else if (FOLLOW_UPS.has(token)) kinds.add('followUp');
    else if (OPEN.has(token)) {
      query.open = true;
      kinds.add('followUp');
    } else if ((token === 'sedan' || token === 'since') && /^\d{4}-\d{2}-\d{2}$/.test(tokens[i + 1] ?? '')) {
      query.since = tokens[(i += 1)]!;
    } else if (/^(?:19|20)\d{2}$/.test(token)) query.year = Number(token);
    else if (!IGNORED.has(token)) query.words.push(token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  }
  query.words = query.words.filter(Boolean);
  if (kinds.size) query.kinds = [...kinds];
  return query;
}
