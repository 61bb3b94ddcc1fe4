import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { ImportedMinutes } from '../import/imported-minutes';
import { MinutesFileError, readMinutesFile } from '../import/minutes-file';
import { createHash } from 'node:crypto';
import { loadConfig } from '../config';
import { systemClock } from '../domain/clock';
import { importKey, storeImport } from '../features/import/store-import';
import { createLogger } from '../logger';
import { openCosmos } from '../storage/cosmos-connection';
import { repositoriesOf } from '../storage/repositories';

const USAGE = `usage: import-minutes [--dry-run] [--json] [--network <id>] [--date YYYY-MM-DD] FILE...
  reads a network's past minutes (.docx, .txt, .md): meeting, attendance, items, decisions, follow-ups
  --dry-run  writes nothing; with --json prints one JSON object per file, one per line
  --network  the network to import into, against the configured Cosmos DB (required without --dry-run)
  --date     the meeting's day, for minutes that do not say it (one file)`;

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
  date?: string;
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
    } else if (arg === '--date') {
      const value = argv[(i += 1)];
      if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
      options.date = value;
    } else if (arg.startsWith('--')) return undefined;
    else options.files.push(arg);
  }
  if (!options.files.length || (!options.dryRun && !options.network)) return undefined;
  return options;
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
  const store = options.dryRun ? undefined : await openStore(options.network!, err);
  if (store === null) return 2;
  const bar = options.files.length > 1 ? new SingleBar({ stream: err, etaBuffer: 20 }) : undefined;
  bar?.start(options.files.length, 0);
  let failed = 0;
  let warned = 0;
  for (const file of options.files) {
    try {
      const content = await readFile(file);
      const minutes = await readMinutesFile(file, content);
      if (minutes.warnings.length) warned += 1;
      if (store) {
        const date = minutes.meeting.date ?? options.date;
        if (!date)
          throw new MinutesFileError('notMinutes', 'the minutes do not say their date: give it with --date');
        const result = await store.save(minutes, content, date, basename(file));
        out.write(`${basename(file)}: ${result}\n`);
        bar?.increment();
        continue;
      }
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
  await store?.close();
  if (options.files.length > 1)
    err.write(
      `${options.files.length} files read: ${options.files.length - failed} minutes (${warned} with warnings), ${failed} failed\n`,
    );
  return failed ? 1 : 0;
}

/**
 * The configured Cosmos DB and the network, for importing without --dry-run; null (said why) when either is
 * missing. Imports are made by the operator (`import-minutes`), recorded as by "cli".
 */
async function openStore(networkId: string, err: NodeJS.WritableStream) {
  const config = loadConfig();
  if (config.cosmos.kind === 'embedded') {
    err.write('COSMOS_ENDPOINT is not set: the embedded store holds nothing between runs.\n');
    return null;
  }
  const cosmos = await openCosmos(config.cosmos, createLogger('warn'));
  const deps = repositoriesOf(cosmos.containers, systemClock);
  const found = await deps.networks.get(networkId);
  if (!found) {
    err.write(`No network ${networkId}.\n`);
    await cosmos.close();
    return null;
  }
  return {
    async save(minutes: ImportedMinutes, content: Buffer, date: string, file: string): Promise<string> {
      const key = importKey(networkId, createHash('sha256').update(content).digest('hex'));
      const result = await storeImport(deps, found.network, minutes, { key, date, by: 'cli', file });
      return result.stored ? `imported (${result.meeting.meetingId})` : 'already imported, nothing written';
    },
    close: () => cosmos.close(),
  };
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => process.exit(code));
