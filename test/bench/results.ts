import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');

/** The benchmarks this process has reported. */
export const reported = new Set<string>();

/** Prints a benchmark's figures and writes them, with the machine they were measured on, to bench/results. */
export function report(name: string, figures: Record<string, unknown>): void {
  const result = {
    benchmark: name,
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
    ...figures,
  };
  reported.add(name);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\n## ${name}\n${JSON.stringify(figures, null, 2)}\n`);
}
