import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { openCosmos, type CosmosConnection } from '../../src/storage/cosmos-connection';
import type { EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { spawnBot, type BotProcess } from '../helpers/bot-process';
import { freePort } from '../helpers/free-port';
import { ConnectorStub } from '../helpers/connector-stub';
import { TcpProxy } from '../helpers/tcp-proxy';
import { startCosmosProcess } from './start-cosmos-process';

const DIST = join(__dirname, '..', '..', 'dist', 'src');

/**
 * The node flags `npm start` gives the bot (package.json: the heap limits it is deployed with), so the benchmarks
 * run it, and the echo baseline beside it, as deployed.
 */
export const START_NODE_ARGS = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** Teams' documented limits for a bot, which the stub enforces with 429 + Retry-After. */
export const TEAMS_LIMITS = { perConversation: 7, perTenant: 50 };

/** Conversation ids the benchmarks make carry their tenant: `19:bench-<tenant>-...` and `a:personal:<tenant>-...`. */
export const tenantOfConversation = (conversationId: string): string =>
  /^(?:19:bench-|a:personal:29:)([^-]+)-/.exec(conversationId)?.[1] ?? 't0';

export interface BenchStack {
  cosmos: EmbeddedCosmos;
  /** Between the bot and Cosmos: `cut()` takes Cosmos off the network without losing its data. */
  proxy: TcpProxy;
  connector: ConnectorStub;
  /** The harness's own client on the same Cosmos, to seed and to count. */
  store: CosmosConnection;
  bot: { url: string; process: BotProcess };
  /** Peak resident set of the bot process so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** Starts the bot process again (after a kill), on the same Cosmos and stub; `env` adds to the settings. */
  restart(env?: Record<string, string>): Promise<void>;
  /** Another bot process on the same Cosmos and stub (another instance); stopped with the stack. */
  spawnAnother(env?: Record<string, string>): Promise<{ url: string; process: BotProcess }>;
  stop(): Promise<void>;
}

export const DATABASE = 'anteckna-bench';

async function untilHealthy(url: string, child: BotProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`bot did not start:\n${child.stderr.join('')}\n${child.stdout.join('\n')}`);
}

/**
 * Loopback only: the embedded Cosmos (its own process, behind a TCP proxy in this one), a connector stub with Teams' limits, and
 * the bot (compiled, `npm run build`) or the echo baseline as its own process with authentication off.
 */
export async function startBenchStack(options: {
  /** `bot-at-clock`: the compiled bot with its clock moved (BENCH_CLOCK_AT in `env`). */
  entry: 'bot' | 'echo' | 'bot-at-clock';
  env?: Record<string, string>;
}): Promise<BenchStack> {
  const cosmos = await startCosmosProcess();
  const proxy = new TcpProxy(Number(new URL(cosmos.endpoint).port));
  await proxy.start();
  const connector = new ConnectorStub();
  connector.limits = { ...TEAMS_LIMITS, tenantOf: tenantOfConversation };
  await connector.start();
  const settings = {
    kind: 'remote' as const,
    endpoint: cosmos.endpoint,
    key: 'embedded-cosmos-has-no-key',
    trustSelfSigned: true,
    database: DATABASE,
  };
  const store = await openCosmos(settings, pino({ level: 'silent' }));
  const entries = {
    bot: join(DIST, 'index.js'),
    echo: join(__dirname, '..', '..', 'src', 'dev', 'echo-bot.ts'),
    'bot-at-clock': join(__dirname, 'bot-at-clock.ts'),
  };
  const spawn = async (env: Record<string, string> = {}) => {
    // Warnings only (a log line per turn would measure the pipe); so the port is chosen here, not read from a log.
    const port = await freePort();
    const child = spawnBot(
      {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        COSMOS_ENDPOINT: `https://127.0.0.1:${proxy.port}/`,
        COSMOS_KEY: 'embedded-cosmos-has-no-key',
        COSMOS_TRUST_SELF_SIGNED: 'true',
        COSMOS_DATABASE: DATABASE,
        SCHEDULER_INTERVAL_MS: '0',
        // The stub answers Graph's chat messages too (what was posted to a chat).
        GRAPH_BASE_URL: connector.serviceUrl,
        ...options.env,
        ...env,
      },
      // The bot as deployed (compiled); the echo baseline is a dev tool, run from TypeScript (tsx compiles it at
      // load, so after the warm-up both run plain JavaScript).
      entries[options.entry],
      // For profiling a run, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
      [...START_NODE_ARGS, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    );
    const url = `http://127.0.0.1:${port}`;
    await untilHealthy(url, child);
    return { url, process: child };
  };
  const others: { url: string; process: BotProcess }[] = [];
  const stack: BenchStack = {
    cosmos,
    proxy,
    connector,
    store,
    bot: await spawn(),
    peakRssMb() {
      const status = readFileSync(`/proc/${stack.bot.process.child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    async restart(env) {
      stack.bot = await spawn(env);
    },
    async spawnAnother(env) {
      const another = await spawn(env);
      others.push(another);
      return another;
    },
    async stop() {
      // SIGTERM: the bot drains and exits (and writes a CPU profile when NODE_OPTIONS asks for one).
      stack.bot.process.child.kill('SIGTERM');
      const timer = setTimeout(() => stack.bot.process.child.kill('SIGKILL'), 15_000);
      await stack.bot.process.exit;
      clearTimeout(timer);
      for (const other of others) other.process.child.kill('SIGKILL');
      await Promise.all(others.map((other) => other.process.exit));
      await store.close();
      await proxy.cut();
      await connector.stop();
      await cosmos.close();
    },
  };
  return stack;
}
