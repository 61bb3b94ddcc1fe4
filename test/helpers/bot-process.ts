import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTRY = join(__dirname, '..', '..', 'src', 'index.ts');

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
}

/**
 * Runs src/index.ts (or another entry: the echo bot, the benchmarks' Cosmos) as its own process, exactly as `npm start` would but from TypeScript (tsx), in an
 * empty working directory so no developer `.env` leaks in. Only the given environment (plus PATH) is passed.
 */
export function spawnBot(env: Record<string, string>, entry = ENTRY, nodeArgs: string[] = []): BotProcess {
  // Compiled JavaScript (the benchmarks run dist/) needs no tsx.
  const args = [...nodeArgs, ...(entry.endsWith('.ts') ? ['--import', require.resolve('tsx')] : []), entry];
  const child = spawn(process.execPath, args, {
    cwd: mkdtempSync(join(tmpdir(), 'anteckna-proc-')),
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.on('data', (chunk: Buffer) =>
    stdout.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
  );
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exit };
}

/** Waits for the "bot listening" log line and returns the port it names. */
export async function listeningPort(bot: BotProcess, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of bot.stdout) {
      if (line.includes('"bot listening"')) return (JSON.parse(line) as { port: number }).port;
    }
    if (bot.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bot did not start:\n${bot.stderr.join('')}\n${bot.stdout.join('\n')}`);
}
