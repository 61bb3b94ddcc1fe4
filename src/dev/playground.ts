import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface Playground {
  url: string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  port: number;
  /** Scratch folder: the no-op xdg-open and the Playground's log file go here. */
  workDir: string;
  configPath?: string;
  startTimeoutMs?: number;
}

export const PLAYGROUND_CONFIG = join(__dirname, 'playground.yml');

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** The Playground silently moves to a random port when its port is taken; refuse instead, so the printed address is right. */
function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new Error(
          `Port ${port} is in use (another Agents Playground still running?). Stop it and try again.`,
        ),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/**
 * Starts Microsoft 365 Agents Playground (a local Teams client) against the bot. It calls xdg-open at start
 * and exits when that is missing, so a no-op one is put first on PATH; telemetry is off.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  await ensurePortFree(options.port);
  const binDir = join(options.workDir, 'bin');
  await mkdir(binDir, { recursive: true });
  const xdgOpen = join(binDir, 'xdg-open');
  await writeFile(xdgOpen, '#!/bin/sh\nexit 0\n');
  await chmod(xdgOpen, 0o755);
  const logFile = join(options.workDir, 'playground.log');

  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '--app-endpoint',
      options.botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(options.port),
      '--disable-telemetry',
    ],
    {
      cwd: options.workDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PATH: `${binDir}:${process.env.PATH ?? ''}`,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? PLAYGROUND_CONFIG,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
    },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  child.stdout?.resume();
  child.stderr?.resume();

  const url = `http://localhost:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (!(await answers(url))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = await readFile(logFile, 'utf8').catch(() => '');
      const reasons = log
        .split('\n')
        .filter((line) => line.startsWith('error'))
        .join('\n');
      throw new Error(
        `Agents Playground did not start on port ${options.port}.\n${reasons || log.slice(-2000)}`,
      );
    }
    await delay(250);
  }

  return {
    url,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const forceKill = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(forceKill);
    },
  };
}
