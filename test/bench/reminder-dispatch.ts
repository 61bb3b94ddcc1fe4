import { startBenchStack, tenantOfConversation, TEAMS_LIMITS } from './bench-stack';
import { CLOCK_AT, NETWORKS, REMINDERS, seed, WARM_UP_NETWORKS } from './dispatch-seed';
import { cpuSecondsOf, killOne, startInstances } from './instances';
import { LEASE_MS } from '../../src/bot/tenant-send-leases';

export { REMINDERS } from './dispatch-seed';
/** Before the kill, Teams takes posts this long without the bot hearing back. */
const WITHHELD_MS = 200;
/** What the bot logs for a reminder it found already posted by an instance that stopped. */
const ALREADY_POSTED = 'reminder already posted by an instance that stopped';
const DRAIN_TIMEOUT_MS = 8 * 60_000;
/** Reminders `npm run bench` sends first, so the 10,000 are sent by a bot that has been running. */
export const WARM_UP_REMINDERS = 500;

/**
 * How the arrivals spread over the run: the rate in full flow (between the 5th and the 95th percentile arrival) and
 * the seconds the start (to the 5th percentile) and the end (from the 95th) took beyond what they would at that rate.
 */
const flowOf = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length < 20) return undefined;
  const at = (share: number) => Math.floor((sorted.length - 1) * share);
  const [i5, i95] = [at(0.05), at(0.95)];
  const t = (i: number) => (sorted[i]! - sorted[0]!) / 1000;
  const fullFlow = (i95 - i5) / (t(i95) - t(i5));
  const perSecond: number[] = [];
  for (const time of sorted) {
    const second = Math.floor((time - sorted[0]!) / 1000);
    perSecond[second] = (perSecond[second] ?? 0) + 1;
  }
  return {
    fullFlowPerSecond: Number(fullFlow.toFixed(1)),
    startSecondsLost: Number((t(i5) - i5 / fullFlow).toFixed(2)),
    endSecondsLost: Number((t(sorted.length - 1) - t(i95) - (sorted.length - 1 - i95) / fullFlow).toFixed(2)),
    perSecond: Array.from(perSecond, (n) => n ?? 0),
  };
};

/** The follow-up a reminder card is about (its Done button carries the id). */
const followUpOf = (body: Record<string, unknown>): string => {
  const card = (body.attachments as { content: { actions?: { data?: { followUpId?: string } }[] } }[])?.[0]
    ?.content;
  return card?.actions?.find((a) => a.data?.followUpId)?.data?.followUpId ?? '';
};

/**
 * 10,000 due follow-ups over 200 networks' chats in `tenants` tenants, seeded while the bot's scheduler is off;
 * then the bot starts with it on, and the stub (Teams' limits, 429 + Retry-After) counts what arrives. With
 * `warmUp`, the bot first sends that many reminders of other networks and the 10,000 fall due once it has (a bot
 * that has been running, as in production, not one started with them due: its first seconds run code not yet
 * optimised); their rate is counted from the first of the 10,000 to arrive, 429s over the whole run.
 */
export async function dispatch(
  tenants: number,
  options: {
    killAfter?: number;
    warmUp?: number;
    /** Bot instances on the one Cosmos and stub (each its own process). */
    instances?: number;
    /** With several instances: kill the one holding most tenants after this many arrived, start it again later. */
    killOneAfter?: number;
  } = {},
) {
  const stack = await startBenchStack({
    entry: 'bot-at-clock',
    env: { BENCH_CLOCK_AT: CLOCK_AT, SCHEDULER_INTERVAL_MS: '0' },
  });
  try {
    const warmUpIds = await seed(stack, tenants, options.warmUp ?? 0);
    stack.bot.process.child.kill('SIGKILL');
    await stack.bot.process.exit;
    stack.connector.reset();
    stack.connector.throttled = 0;
    stack.connector.throttledBy = { tenant: 0, conversation: 0 };
    stack.connector.throttledAt.length = 0;
    const startedAt = Date.now();
    const instances = await startInstances(stack, options.instances ?? 1, { SCHEDULER_INTERVAL_MS: '500' });
    const cpuAtStart = instances.map((i) => cpuSecondsOf(i.process.child.pid));
    let killedOne: Awaited<ReturnType<typeof killOne>> | undefined;
    // Graph (the stub) shows when messages were posted by the bot's clock, which starts at CLOCK_AT (to a second).
    stack.connector.clockOffsetMs = Date.parse(CLOCK_AT) - startedAt;
    const started = Date.now();
    let shown = Date.now();
    let receivedAtKill: number | undefined;
    /** Posts Teams took in the kill's last WITHHELD_MS whose answers the bot never got. */
    let withheld = 0;
    // Sorted as calls come in (the stub shares this process: a scan of every call each time would delay its
    // answers, and so the arrival times it checks against Teams' limits).
    const seen = {
      calls: 0,
      /** The 10,000's posts (with any sent twice), and the warm-up's arrival times. */
      posts: [] as typeof stack.connector.calls,
      warmUpAt: [] as number[],
      followUps: new Set<string>(),
    };
    const distinctNow = () => {
      const calls = stack.connector.calls;
      for (; seen.calls < calls.length; seen.calls += 1) {
        const c = calls[seen.calls]!;
        if (c.method !== 'POST' || !c.path.includes('/activities')) continue;
        const followUpId = followUpOf(c.body);
        if (warmUpIds.has(followUpId)) {
          seen.warmUpAt.push(c.at);
          continue;
        }
        seen.posts.push(c);
        seen.followUps.add(followUpId);
      }
      return seen.followUps.size;
    };
    /** Reminders a restarted bot found already posted by the killed one (it logs each), so did not send again. */
    let foundPosted = 0;
    const botLines = (): string[] => {
      const lines = [stack.bot.process, ...instances.slice(1).map((i) => i.process)].flatMap((p) =>
        p.stdout.splice(0),
      );
      foundPosted += lines.filter((line) => line.includes(ALREADY_POSTED)).length;
      return lines;
    };
    while (distinctNow() < REMINDERS && Date.now() - started < DRAIN_TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (
        options.killAfter !== undefined &&
        receivedAtKill === undefined &&
        seen.posts.length >= options.killAfter
      ) {
        // Killed mid-dispatch with sends in flight; started again with its clock past the dead instance's claim
        // leases (5 minutes), as a restarted instance would find them after that long. For its last 200 ms Teams
        // (the stub) takes the posts but its answers do not reach the bot: each of those reminders was delivered
        // and is not recorded, the case a restarted instance must not send again.
        distinctNow();
        const before = seen.posts.length;
        stack.connector.withholdAnswers = true;
        await new Promise((resolve) => setTimeout(resolve, WITHHELD_MS));
        stack.bot.process.child.kill('SIGKILL');
        await stack.bot.process.exit;
        stack.connector.withholdAnswers = false;
        distinctNow();
        receivedAtKill = seen.posts.length;
        withheld = receivedAtKill - before;
        const clockAt = new Date(Date.parse(CLOCK_AT) + (Date.now() - started) + 5 * 60_000 + 1000);
        await stack.restart({ SCHEDULER_INTERVAL_MS: '500', BENCH_CLOCK_AT: clockAt.toISOString() });
      }
      if (options.killOneAfter !== undefined && !killedOne && seen.posts.length >= options.killOneAfter) {
        distinctNow();
        killedOne = await killOne(
          stack,
          instances,
          () => {
            distinctNow();
            return seen.posts;
          },
          tenantOfConversation,
          LEASE_MS / 1000,
        );
        // Its claims run out after five minutes: it starts again with its clock that far on and takes them over.
        const clockAt = new Date(Date.parse(CLOCK_AT) + (Date.now() - started) + 5 * 60_000 + 1000);
        const again = await stack.spawnAnother({
          SCHEDULER_INTERVAL_MS: '500',
          BENCH_CLOCK_AT: clockAt.toISOString(),
          BENCH_INSTANCE_ID: `${killedOne.id}-again`,
        });
        instances.push({ id: `${killedOne.id}-again`, process: again.process });
        cpuAtStart.push(cpuSecondsOf(again.process.child.pid));
      }
      if (Date.now() - shown > 10_000) {
        shown = Date.now();
        process.stdout.write(
          `  ${tenants} tenant(s): ${seen.posts.length} reminders received, ${stack.connector.throttled} 429s\n`,
        );
        for (const line of botLines().slice(-3)) process.stdout.write(`  bot: ${line}\n`);
      }
    }
    const done = Date.now();
    distinctNow();
    botLines();
    const cpuSeconds = instances.map((i, k) =>
      i.process.child.exitCode === null && i.process.child.signalCode === null
        ? Number((cpuSecondsOf(i.process.child.pid) - cpuAtStart[k]!).toFixed(2))
        : undefined,
    );
    const received = seen.posts;
    // The stub records each post as it answers it; the send times are spread over the run.
    const times = received.map((c) => c.at);
    const first = times.length ? Math.min(...times) : started;
    const last = times.length ? Math.max(...times) : done;
    // Without a warm-up, from the bot's start; with one, from when the first of the 10,000 arrived.
    const drainSeconds = ((options.warmUp ? last : done) - (options.warmUp ? first : started)) / 1000;
    const warmUp = seen.warmUpAt;
    if (options.warmUp && (warmUp.length < options.warmUp || Math.max(...warmUp) >= first))
      throw new Error(
        `the warm-up (${warmUp.length} of ${options.warmUp} arrived) was not over when the 10,000 fell due`,
      );
    const perSecond = received.length > 1 ? (received.length - 1) / ((last - first) / 1000) : 0;
    const ceiling = TEAMS_LIMITS.perTenant * tenants;
    const distinct = seen.followUps.size;
    const flow = flowOf(times);
    const byTenant = new Map<string, number[]>();
    for (const c of received) {
      const tenant = tenantOfConversation(c.conversationId);
      const ofTenant = byTenant.get(tenant);
      if (ofTenant) ofTenant.push(c.at);
      else byTenant.set(tenant, [c.at]);
    }
    const fullFlowByTenant = Object.fromEntries(
      [...byTenant].map(([tenant, times]) => [tenant, flowOf(times)?.fullFlowPerSecond]),
    );
    if (flow)
      process.stdout.write(
        `  ${tenants} tenant(s): full flow ${flow.fullFlowPerSecond}/s; start lost ${flow.startSecondsLost} s, ` +
          `end lost ${flow.endSecondsLost} s; first seconds ${flow.perSecond.slice(0, 5).join(' ')}, last ` +
          `${flow.perSecond.slice(-5).join(' ')}\n`,
      );
    return {
      ...(receivedAtKill !== undefined
        ? {
            killedAfterReceived: receivedAtKill,
            deliveredUnanswered: withheld,
          }
        : {}),
      ...(options.warmUp
        ? {
            warmUp: {
              reminders: options.warmUp,
              networks: WARM_UP_NETWORKS,
              lastArrivedSecondsBeforeFirstOfTheRun: Number(
                ((first - Math.max(...warmUp)) / 1000).toFixed(1),
              ),
            },
          }
        : {}),
      instances: instances.length,
      ...(killedOne ? { killedOne: killedOne.report } : {}),
      // Process CPU over the reminders of the run (each instance's, and all of them per reminder sent).
      cpu: {
        secondsByInstance: cpuSeconds,
        msPerReminder: Number(
          ((cpuSeconds.reduce<number>((sum, s) => sum + (s ?? 0), 0) * 1000) / Math.max(1, distinct)).toFixed(
            2,
          ),
        ),
      },
      tenants,
      networks: NETWORKS,
      reminders: REMINDERS,
      received: received.length,
      distinctFollowUps: distinct,
      throttled429: stack.connector.throttled,
      /** Graph reads of a chat's messages (after a kill: were the dead instance's reminders posted?). */
      chatHistoryReads: stack.connector.graphReads,
      foundAlreadyPosted: foundPosted,
      throttled429By: { ...stack.connector.throttledBy },
      drainSeconds: Number(drainSeconds.toFixed(1)),
      drainFrom: options.warmUp ? 'the first of them to arrive' : "the bot's start",
      perSecond: Number(perSecond.toFixed(1)),
      ceilingPerSecond: ceiling,
      ofCeiling: Number((perSecond / ceiling).toFixed(3)),
      /** Seconds after the first of the 10,000 arrived that each 429 was answered (a warm-up's before, negative). */
      throttled429At: stack.connector.throttledAt.map((at) => Number(((at - first) / 1000).toFixed(1))),
      ...(flow ? { flow: { ...flow, fullFlowByTenant } } : {}),
    };
  } finally {
    await stack.stop();
  }
}
