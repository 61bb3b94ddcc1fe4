const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (text: string) =>
  text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#')
      ? String.fromCodePoint(
          name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
        )
      : (ENTITIES[name.toLowerCase()] ?? whole),
  );

/** Inline HTML as the reader's text: bold and italics as Markdown's marks, everything else its words. */
const inline = (html: string) =>
  decode(
    html
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<(strong|b)>([\s\S]*?)<\/\1>/gi, '**$2**')
      .replace(/<(em|i)>([\s\S]*?)<\/\1>/gi, '*$2*')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A Word document (mammoth's HTML of it) as the text the reader reads: headings as `#`, paragraphs as lines, list
 * items as "- ", table rows as cells apart by tabs (name and organisation in two columns stay apart).
 */
export function htmlToMinutesText(html: string): string {
  const out: string[] = [];
  const blocks = html.match(/<(h[1-6]|p|li|tr)\b[^>]*>[\s\S]*?<\/\1>/gi) ?? [];
  for (const block of blocks) {
    const tag = /^<(\w+)/.exec(block)?.[1]?.toLowerCase() ?? 'p';
    if (tag === 'tr') {
      const cells = (block.match(/<t[dh]\b[^>]*>[\s\S]*?<\/t[dh]>/gi) ?? []).map((cell) =>
        inline(cell.replace(/<\/p>\s*<p>/gi, ' ')),
      );
      // Empty cells kept: a table's columns (name, organisation, present) stay in their places.
      out.push(cells.join('\t'), '');
    } else if (tag === 'li') out.push(`- ${inline(block.replace(/<(ul|ol)[\s\S]*$/i, ''))}`);
    else if (tag.startsWith('h')) out.push('', `${'#'.repeat(Number(tag[1]))} ${inline(block)}`, '');
    else out.push(inline(block), '');
  }
  return out.join('\n');
}

/** The text of a .docx, read with mammoth (loaded on first use: only imports need it). */
export async function docxText(buffer: Buffer): Promise<{ text: string; messages: string[] }> {
  const mammoth = await import('mammoth');
  const result = await mammoth.convertToHtml({ buffer });
  return {
    text: htmlToMinutesText(result.value),
    messages: result.messages.filter((m) => m.type === 'error').map((m) => m.message),
  };
}
