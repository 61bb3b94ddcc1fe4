import { readFileSync } from 'node:fs';
import type { BotProcess } from '../helpers/bot-process';
import type { BenchStack } from './bench-stack';

export interface Instance {
  id: string;
  process: BotProcess;
}

/**
 * `count` bot instances on the stack's Cosmos and stub, named i0, i1, … (their claims and leases carry the name):
 * the stack's own bot restarted as i0, the others started beside it.
 */
export async function startInstances(stack: BenchStack, count: number, env: Record<string, string>) {
  await stack.restart({ ...env, BENCH_INSTANCE_ID: 'i0' });
  const instances: Instance[] = [{ id: 'i0', process: stack.bot.process }];
  for (let k = 1; k < count; k += 1) {
    const another = await stack.spawnAnother({ ...env, BENCH_INSTANCE_ID: `i${k}` });
    instances.push({ id: `i${k}`, process: another.process });
  }
  return instances;
}

/** CPU seconds (user and system) a process has used so far, from /proc. */
export function cpuSecondsOf(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, in parentheses): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The tenants each instance holds a live lease on now. */
export async function leasesByInstance(stack: BenchStack): Promise<Map<string, string[]>> {
  const { resources } = await stack.store.containers.leases.items
    .query<{ tenantId: string; holder: string; until: string }>('SELECT * FROM c')
    .fetchAll();
  const now = new Date().toISOString();
  const held = new Map<string, string[]>();
  for (const lease of resources.filter((l) => l.until > now))
    held.set(lease.holder, [...(held.get(lease.holder) ?? []), lease.tenantId]);
  return held;
}

/** Teams takes the posts this long before the kill without the bot hearing back (sent, not recorded). */
const WITHHELD_MS = 200;
/** How long the others may take to resume the dead instance's tenants before the run says they did not. */
const RESUME_WAIT_MS = 30_000;

/**
 * Kills the live instance holding most tenants' leases, its last 200 ms of posts taken by Teams without the bot
 * hearing back; then waits until each tenant it held has had a post again from the others (they take its leases
 * over once they run out), and says how long each took.
 */
export async function killOne(
  stack: BenchStack,
  instances: Instance[],
  postsNow: () => { conversationId: string; at: number }[],
  tenantOf: (conversationId: string) => string,
  leaseSeconds: number,
) {
  const held = await leasesByInstance(stack);
  const alive = instances.filter(
    (i) => i.process.child.exitCode === null && i.process.child.signalCode === null,
  );
  const victim = [...alive].sort((a, b) => (held.get(b.id)?.length ?? 0) - (held.get(a.id)?.length ?? 0))[0]!;
  const tenantsItHeld = held.get(victim.id) ?? [];
  stack.connector.withholdAnswers = true;
  await new Promise((resolve) => setTimeout(resolve, WITHHELD_MS));
  victim.process.child.kill('SIGKILL');
  await victim.process.exit;
  stack.connector.withholdAnswers = false;
  const killedAt = Date.now();
  const killedAfterReceived = postsNow().length;
  const resumedAfterSeconds: Record<string, number | null> = Object.fromEntries(
    tenantsItHeld.map((t) => [t, null]),
  );
  while (Object.values(resumedAfterSeconds).includes(null) && Date.now() - killedAt < RESUME_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const post of postsNow()) {
      const tenant = tenantOf(post.conversationId);
      if (post.at > killedAt && resumedAfterSeconds[tenant] === null)
        resumedAfterSeconds[tenant] = Number(((post.at - killedAt) / 1000).toFixed(1));
    }
  }
  const times = Object.values(resumedAfterSeconds);
  return {
    id: victim.id,
    report: {
      killed: victim.id,
      killedAfterReceived,
      tenantsItHeld,
      resumedAfterSeconds,
      resumedWithinLease: times.every((t) => t !== null && t <= leaseSeconds + 1),
    },
  };
}
