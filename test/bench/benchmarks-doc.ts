import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCHMARKS, rowsOf, targetsOf, type Result } from './benchmark-rows';
import { RESULTS_DIR } from './results';

/** The figures measured before issue 23's changes (the reminder run in parts, one cache library, Node 24). */
export const BASELINE_DIR = join(RESULTS_DIR, '..', 'baseline');
const DOC = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

function readResults(dir: string): Map<string, Result> {
  const results = new Map<string, Result>();
  if (!existsSync(dir)) return results;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Result;
    results.set(result.benchmark, result);
  }
  return results;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');
const day = (result: Result | undefined): string => (result ? result.measuredAt.slice(0, 10) : '–');
const machineOf = (result: Result | undefined): string => {
  const machine = (result?.machine ?? {}) as { cpus?: number; cpu?: string; node?: string };
  return result ? `${machine.cpus ?? '?'} cores, ${machine.cpu ?? '?'}, Node ${machine.node ?? '?'}` : '–';
};

const INTRO = `# Benchmarks

This page is written by \`npm run bench\` from \`bench/results/*.json\` (the latest figures) and
\`bench/baseline/*.json\` (those measured before the reminder run was split into parts and the caches moved to
lru-cache). Do not edit it by hand; run \`npm run bench\` (or \`npm run bench -- <name>\` for one benchmark, then
\`npm run bench -- docs\` to rewrite only this page). Back to the [README](../README.md).

\`npm run bench\` builds the bot and runs every benchmark on loopback. The bot runs as its own process with
authentication off against the embedded Cosmos (a process of its own, behind a TCP proxy the harness can cut), and
Teams is a connector stub that records what it receives and answers 429 with Retry-After above 7 messages/s per
conversation and 50 requests/s per tenant. The answer storm is compared with an echo bot (the stock teams-ai adapter
on the same restify stack) in alternating rounds. The reminder dispatch first sends 500 reminders of 20 other
networks, so it measures a bot that has been running. The code is in \`test/bench/\`; each benchmark prints its
figures and writes them, with the machine, to \`bench/results/<name>.json\`. \`npm run bench\` exits non-zero and
names each target missed.
`;

/** Rewrites docs/benchmarks.md from the results on disk; returns the targets the latest results missed. */
export function writeBenchmarksDoc(): string[] {
  const now = readResults(RESULTS_DIR);
  const before = readResults(BASELINE_DIR);
  const lines = [INTRO, '| Benchmark | Before | Now | Target |', '| --- | --- | --- | --- |'];
  const missed: string[] = [];
  const measured: string[] = [];
  for (const name of BENCHMARKS) {
    const latest = now.get(name);
    const earlier = before.get(name);
    const rowsNow = latest ? rowsOf(latest) : [];
    const rowsBefore = earlier ? rowsOf(earlier) : [];
    for (let i = 0; i < Math.max(rowsNow.length, rowsBefore.length); i += 1) {
      const row = rowsNow[i] ?? rowsBefore[i]!;
      lines.push(
        `| ${cell(row.what)} | ${cell(rowsBefore[i]?.figures ?? '–')} | ${cell(rowsNow[i]?.figures ?? '–')} | ${cell(row.target)} |`,
      );
    }
    if (latest) {
      for (const [target, met] of targetsOf(latest)) if (!met) missed.push(`${name}: ${target}`);
      measured.push(
        `- ${name}: now ${day(latest)} (${machineOf(latest)}); before ${day(earlier)} (${machineOf(earlier)})`,
      );
    }
  }
  lines.push(
    '',
    '## Targets',
    '',
    missed.length === 0
      ? 'Every target is met by the latest figures.'
      : `Missed by the latest figures: ${missed.join('; ')}.`,
    '',
    '## When and where they were measured',
    '',
    ...measured,
    '',
  );
  writeFileSync(DOC, lines.join('\n'));
  return missed;
}
