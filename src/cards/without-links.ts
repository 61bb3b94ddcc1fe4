/** U+2060 WORD JOINER: invisible, and it breaks the Markdown and HTML patterns below. */
const JOINER = '\u2060';

/**
 * People's text shown by the bot may not become a link it did not make: `[harmless](https://elsewhere)` and
 * `<a href=…>` are broken up with an invisible character, so the text reads the same but links nowhere. A bare
 * address stays what it is (Teams shows it as itself). `<at>` mentions are untouched.
 */
export function withoutLinks(text: string): string {
  return text
    .replace(/\]\s*\(/g, (match) => `]${JOINER}${match.slice(1)}`)
    .replace(/<a(?=[\s>])/gi, (match) => `<${JOINER}${match.slice(1)}`)
    .replace(/!\[/g, `!${JOINER}[`);
}
