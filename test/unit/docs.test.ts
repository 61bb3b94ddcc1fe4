import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => join('docs', f))];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

describe('the README and docs/', () => {
  it('the README is an entrance of at most 10 KB', () => {
    expect(Buffer.byteLength(readFileSync(join(ROOT, 'README.md')))).toBeLessThanOrEqual(10 * 1024);
  });

  it.each(pages)('every relative link in %s resolves, anchors included', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(?:https?:|mailto:)/.test(target!) || target!.startsWith('#')) continue;
      const [path, hash] = target!.split('#');
      const file = join(ROOT, dirname(page), path!);
      expect([page, target, existsSync(file)]).toEqual([page, target, true]);
      if (hash) {
        const headings = [...readFileSync(file, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => anchor(m[1]!));
        expect([page, target, headings.includes(hash)]).toEqual([page, target, true]);
      }
    }
  });
});
