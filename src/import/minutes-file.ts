import { extname } from 'node:path';
import { docxText } from './docx-text';
import type { ImportedMinutes } from './imported-minutes';
import { readMinutes } from './read-minutes';

/** Larger than any set of minutes: a file over it is refused unread. */
export const MINUTES_FILE_MAX = 5 * 1024 * 1024;

export type MinutesFileProblem = 'tooLarge' | 'empty' | 'unreadable' | 'notMinutes' | 'format';

export class MinutesFileError extends Error {
  constructor(
    readonly problem: MinutesFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The file's text: .docx through mammoth (a password-protected or damaged file is `unreadable`), .txt and .md as UTF-8. */
async function textOf(name: string, content: Buffer): Promise<string> {
  const kind = extname(name).toLowerCase();
  if (kind === '.docx') {
    // A .docx is a zip ("PK"); an encrypted one is an OLE compound file, and anything else is not Word's.
    if (content.subarray(0, 2).toString('latin1') !== 'PK')
      throw new MinutesFileError(
        'unreadable',
        'not a readable Word document (password-protected or damaged?)',
      );
    try {
      return (await docxText(content)).text;
    } catch (error) {
      throw new MinutesFileError(
        'unreadable',
        `could not read the Word document: ${(error as Error).message}`,
      );
    }
  }
  if (kind === '.txt' || kind === '.md' || kind === '.markdown') return content.toString('utf8');
  throw new MinutesFileError(
    'format',
    `only .docx, .txt and .md files can be read, not ${kind || 'this file'}`,
  );
}

/** Reads one file of minutes, refusing what is too large, empty, unreadable or not minutes at all. */
export async function readMinutesFile(name: string, content: Buffer): Promise<ImportedMinutes> {
  if (content.length > MINUTES_FILE_MAX) throw new MinutesFileError('tooLarge', 'the file is over 5 MB');
  if (content.length === 0) throw new MinutesFileError('empty', 'the file is empty');
  const text = await textOf(name, content);
  if (!text.trim()) throw new MinutesFileError('empty', 'the file has no text');
  const minutes = readMinutes(text);
  if (!minutes.attendance.length && !minutes.items.length)
    throw new MinutesFileError(
      'notMinutes',
      'no attendance list and no agenda items: this does not read as minutes',
    );
  return minutes;
}
