import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { EmbeddedCosmos } from '../../src/storage/embedded-cosmos';

/** Starts test/bench/cosmos-process.ts and returns its endpoint; `close` stops the process. */
export async function startCosmosProcess(): Promise<EmbeddedCosmos> {
  const child = spawn(
    process.execPath,
    ['--import', require.resolve('tsx'), join(__dirname, 'cosmos-process.ts')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { endpoint: string }).endpoint);
    });
    child.once('exit', (code) => reject(new Error(`embedded Cosmos exited (${code}): ${stderr.join('')}`)));
  });
  return {
    endpoint,
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
