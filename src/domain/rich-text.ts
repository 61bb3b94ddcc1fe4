/**
 * Text people type for the minutes (notes, decisions), read once where it enters into paragraphs, bulleted and
 * numbered lists and bold or italic runs, and stored so. Every output (Markdown, Word, cards) renders these
 * blocks; none re-reads typed characters as markup, so links, HTML and card markup stay the text they were.
 */
export interface Run {
  text: string;
  bold?: true;
  italic?: true;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'bullets'; items: Run[][] }
  | { kind: 'numbered'; items: Run[][] };

export type RichText = Block[];

const BULLET = /^\s*[-*•–]\s+(.*)$/;
const NUMBERED = /^\s*(?:\d{1,2}|[a-z])[.)]\s+(.*)$/;

/**
 * `**bold**`, `__bold__`, `*italic*` and `_italic_` as people type them in Teams or paste from Word; markers that
 * do not pair up (`5 * 3`, `snake_case`) stay characters.
 */
export function parseRuns(line: string): Run[] {
  const runs: Run[] = [];
  const pattern = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])/g;
  let at = 0;
  for (const match of line.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > at) runs.push({ text: line.slice(at, index) });
    if (match[2] !== undefined) runs.push({ text: match[2], bold: true });
    else runs.push({ text: match[4] ?? '', italic: true });
    at = index + match[0].length;
  }
  if (at < line.length) runs.push({ text: line.slice(at) });
  return merge(runs);
}

/** Neighbouring runs of the same style as one. */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
    else if (run.text) out.push({ ...run });
  }
  return out;
}

/**
 * Lines in a row form a paragraph (a typed line break inside it is a space, as Word reflows it); a blank line ends
 * it; lines starting "- ", "* ", "• " are a bulleted list and "1. ", "2) ", "a) " a numbered one.
 */
export function parseRichText(typed: string): RichText {
  const blocks: RichText = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', runs: parseRuns(paragraph.join(' ')) });
    paragraph = [];
  };
  const addItem = (kind: 'bullets' | 'numbered', text: string) => {
    endParagraph();
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind) last.items.push(parseRuns(text));
    else blocks.push({ kind, items: [parseRuns(text)] });
  };
  for (const raw of typed.normalize('NFC').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\t\u00a0 ]+/g, ' ').trim();
    const bullet = BULLET.exec(line);
    const numbered = bullet ? undefined : NUMBERED.exec(line);
    if (!line) endParagraph();
    else if (bullet?.[1]) addItem('bullets', bullet[1]);
    else if (numbered?.[1]) addItem('numbered', numbered[1]);
    else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

/** Stored before text had structure (a plain string): one paragraph, every character as it was. */
export const asRichText = (value: string | RichText): RichText =>
  typeof value === 'string' ? (value ? [{ kind: 'paragraph', runs: [{ text: value }] }] : []) : value;

const runsText = (runs: Run[]): string => runs.map((run) => run.text).join('');

/** The words alone, one line per paragraph or list item: for search, previews and counts. */
export function plainText(text: RichText): string {
  return text
    .flatMap((block) => (block.kind === 'paragraph' ? [runsText(block.runs)] : block.items.map(runsText)))
    .join('\n');
}
