import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readMinutes } from '../../src/import/read-minutes';
import { percentile } from './load';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, '..', 'shared', 'sample-minutes');
const OWN = join(ROOT, 'test', 'fixtures', 'import');
const RUNS = 50;
const FILES = 100;

/**
 * Reading minutes: one set of about 13 KB (sample 002) in the process, and 100 files through the compiled CLI
 * (`node dist/src/cli/import-minutes.js --dry-run --json`), the samples and the test minutes copied over.
 */
export async function importMinutesBenchmark(): Promise<Record<string, unknown>> {
  const largest = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(SAMPLES, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const text = readFileSync(largest, 'utf8');
  readMinutes(text);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = process.hrtime.bigint();
    readMinutes(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sources = [
    ...readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SAMPLES, f)),
    ...['table-tabs.txt', 'no-comma.txt', 'spaces.txt'].map((f) => join(OWN, f)),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'anteckna-import-'));
  const files = Array.from({ length: FILES }, (_, i) => {
    const target = join(dir, `minutes-${i}.txt`);
    copyFileSync(sources[i % sources.length]!, target);
    return target;
  });
  const started = Date.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'dist', 'src', 'cli', 'import-minutes.js'), '--dry-run', '--json', ...files],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const cliMs = Date.now() - started;
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const median = Number(percentile(times, 50).toFixed(2));
  return {
    oneFile: {
      bytes: Buffer.byteLength(text),
      medianMs: median,
      p95Ms: Number(percentile(times, 95).toFixed(2)),
      runs: RUNS,
    },
    cli: { files: FILES, objects: stdout.trim().split('\n').length, elapsedMs: cliMs },
    targets: { oneFileUnder50Ms: median < 50, hundredFilesUnder10s: cliMs < 10_000 },
  };
}
