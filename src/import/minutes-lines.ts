/** One line of a set of minutes, with the marks the reader goes by taken off its text. */
export interface MinutesLine {
  text: string;
  /** Markdown heading level (`###` is 3); 0 for none. */
  heading: number;
  /** The whole line in bold (`**2. Titel**`), as Word minutes often set item titles. */
  bold: boolean;
  /** The whole line in italics: how the networks set decisions apart. */
  italic: boolean;
  /** A list item ("- …", "• …"), with its indentation. */
  bullet: boolean;
  indent: number;
  /** The cells of a Word table row or a tab-separated line, empty ones left out; one cell for an ordinary line. */
  cells: string[];
  /** A tab-separated row's cells in their columns, empty ones kept (a presence column left blank means absent). */
  columns: string[];
  /** A bold start followed by more ("**Nära vård** Lena Holmlund, GR"): the bold words. */
  lead: string | null;
}

const wholly = (text: string, mark: string) =>
  text.length > mark.length * 2 &&
  text.startsWith(mark) &&
  text.endsWith(mark) &&
  !text.slice(mark.length, -mark.length).includes(mark);

/** Markdown's own escapes and emphasis marks out of a text, links reduced to their words. */
export const withoutMarks = (text: string): string =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_[\]#<>|.-])/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)[*_]([^*_]+)[*_](?=\s|[.,;:!?]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The minutes as lines, from plain text (Word saved as text), Markdown, or a Word file turned into Markdown-like text
 * (see docx-text.ts). Tabs and runs of three or more spaces are cell breaks: a Word table turned into text.
 */
export function minutesLines(text: string): MinutesLine[] {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((raw) => {
      const indent = /^[ \t]*/.exec(raw)?.[0].replace(/\t/g, '    ').length ?? 0;
      let line = raw.trim();
      const heading = /^(#{1,6})\s+/.exec(line)?.[1]?.length ?? 0;
      if (heading) line = line.replace(/^#{1,6}\s+/, '');
      const bullet = /^(?:[-*•–]\s+|\d{1,2}[.)]\s+(?=\S))/.test(line) && !/^\d{1,2}[.)]\s/.test(line);
      if (bullet) line = line.replace(/^[-*•–]\s+/, '');
      const bold = wholly(line, '**') || wholly(line, '__');
      const italic = !bold && (wholly(line, '*') || wholly(line, '_'));
      const cells = raw
        .trim()
        .split(/\t+|\s{3,}|\s\|\s/)
        .map(withoutMarks)
        .filter(Boolean);
      const lead = !bold ? (/^(?:[a-h][.)]\s+)?(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(line)?.[1] ?? null) : null;
      // A tab-separated row keeps its empty cells, so each value stays in its column.
      const columns = raw.includes('\t')
        ? raw
            .replace(/^ +| +$/g, '')
            .split('\t')
            .map(withoutMarks)
        : cells;
      return {
        text: withoutMarks(line),
        heading,
        bold,
        italic,
        bullet,
        indent,
        cells,
        columns,
        lead: lead && withoutMarks(lead),
      };
    });
}
