import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { ImportedMinutes } from '../import/imported-minutes';
import { MinutesFileError, readMinutesFile } from '../import/minutes-file';

const USAGE = `usage: import-minutes [--dry-run] [--json] [--network <id>] FILE...
  reads a network's past minutes (.docx, .txt, .md): meeting, attendance, items, decisions, follow-ups
  --dry-run  writes nothing; with --json prints one JSON object per file, one per line
  --network  the network to import into (required without --dry-run)`;

/** The stable contract of `--dry-run --json`: exactly these fields, in this order. */
const contract = (file: string, m: ImportedMinutes) => ({
  file,
  meeting: m.meeting,
  attendance: m.attendance,
  items: m.items,
  decisions: m.decisions,
  followUps: m.followUps,
  secretary: m.secretary,
  upcoming: m.upcoming,
  warnings: m.warnings,
});

interface Options {
  dryRun: boolean;
  json: boolean;
  network?: string;
  files: string[];
}

function parseArgs(argv: string[]): Options | undefined {
  const options: Options = { dryRun: false, json: false, files: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--network') {
      const value = argv[(i += 1)];
      if (!value) return undefined;
      options.network = value;
    } else if (arg.startsWith('--')) return undefined;
    else options.files.push(arg);
  }
  return options.files.length ? options : undefined;
}

/**
 * `npm run import-minutes -- --dry-run --json FILE...` in a checkout, `node dist/src/cli/import-minutes.js …` in
 * production. Reads each file and prints what it found; many files show a progress bar on stderr and a summary.
 */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const options = parseArgs(argv);
  if (!options) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  if (!options.dryRun) {
    err.write(
      'Importing into a network is done in Teams (importera, in the personal chat), where the chair confirms the preview; here only --dry-run is supported.\n',
    );
    return 2;
  }
  const bar = options.files.length > 1 ? new SingleBar({ stream: err, etaBuffer: 20 }) : undefined;
  bar?.start(options.files.length, 0);
  let failed = 0;
  let warned = 0;
  for (const file of options.files) {
    try {
      const minutes = await readMinutesFile(file, await readFile(file));
      if (minutes.warnings.length) warned += 1;
      out.write(
        options.json
          ? `${JSON.stringify(contract(basename(file), minutes))}\n`
          : `${basename(file)}: ${minutes.meeting.date ?? 'datum saknas'}, ${minutes.attendance.length} personer, ${minutes.items.length} punkter, ${minutes.decisions.length} beslut, ${minutes.followUps.length} uppgifter${minutes.warnings.length ? `; ${minutes.warnings.join(' ')}` : ''}\n`,
      );
    } catch (error) {
      failed += 1;
      const message =
        error instanceof MinutesFileError
          ? error.message
          : (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file'
            : String((error as Error).message);
      out.write(
        options.json
          ? `${JSON.stringify({ file: basename(file), error: message })}\n`
          : `${basename(file)}: ${message}\n`,
      );
    }
    bar?.increment();
  }
  bar?.stop();
  if (options.files.length > 1)
    err.write(
      `${options.files.length} files read: ${options.files.length - failed} minutes (${warned} with warnings), ${failed} failed\n`,
    );
  return failed ? 1 : 0;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => process.exit(code));
