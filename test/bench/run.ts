import { startBenchStack } from './bench-stack';
import { answerStorm, MEMBERS, REPEATS } from './answer-storm';
import { importMinutesBenchmark } from './import-minutes';
import { minutesBenchmark } from './minutes';
import { searchBenchmark } from './search';
import { personDataBenchmark } from './person-data';
import { schedulerCostBenchmark } from './scheduler-cost';
import { dispatch, REMINDERS, WARM_UP_REMINDERS } from './reminder-dispatch';
import { cosmosOutageDuringStorm, killDuringDispatch } from './faults';
import { writeBenchmarksDoc } from './benchmarks-doc';
import { report, reported } from './results';

const MEMORY_TARGET_MB = 300;
const P99_TARGET_MS = 1000;

/** `npm run bench`: every benchmark in turn against the compiled bot on loopback; figures to bench/results. */
async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === 'docs') return;
  if (!only || only === 'answer-storm') {
    const bot = await startBenchStack({ entry: 'bot' });
    const echo = await startBenchStack({ entry: 'echo' });
    let runs;
    let peakRssMb = 0;
    try {
      runs = await answerStorm(bot, echo);
      peakRssMb = Number(bot.peakRssMb().toFixed(1));
    } finally {
      await bot.stop();
      await echo.stop();
    }
    report('answer-storm', {
      members: MEMBERS,
      runs,
      targets: {
        noneLostOrDoubled: runs.every((run) =>
          run.rounds.every((r) => r.stored === MEMBERS && r.distinct === MEMBERS && r.errors === 0),
        ),
        p99UnderOneSecondAt50: (runs.find((r) => r.concurrency === 50)?.p99Ms ?? Infinity) < P99_TARGET_MS,
        atLeastHalfOfEcho: runs.every((r) => r.ratioToEcho >= 0.5),
      },
    });
    report('memory', {
      during: `answer storm (a warm-up, then ${REPEATS} storms of 1,000 answers at concurrency 50 and ${REPEATS} at 200)`,
      peakRssMb,
      targetMb: MEMORY_TARGET_MB,
      targets: { underTarget: peakRssMb < MEMORY_TARGET_MB },
    });
  }
  if (!only || only === 'reminder-dispatch') {
    const runs = [
      await dispatch(1, { warmUp: WARM_UP_REMINDERS }),
      await dispatch(5, { warmUp: WARM_UP_REMINDERS }),
    ];
    report('reminder-dispatch', {
      runs,
      targets: {
        no429: runs.every((r) => r.throttled429 === 0),
        atLeast95PercentOfCeiling: runs.every((r) => r.ofCeiling >= 0.95),
        noneLostOrDoubled: runs.every((r) => r.received === REMINDERS && r.distinctFollowUps === REMINDERS),
      },
    });
  }
  if (!only || only === 'reminder-instances') {
    // Three instances on one Cosmos and one stub; the five-tenant figure beside one instance's in the same run
    // (the machine's two cores also carry Cosmos and the stub, so its absolute rate depends on spare CPU).
    const oneTenant = await dispatch(1, { warmUp: WARM_UP_REMINDERS, instances: 3 });
    const fiveAlone = await dispatch(5, { warmUp: WARM_UP_REMINDERS, instances: 1 });
    const fiveThree = await dispatch(5, { warmUp: WARM_UP_REMINDERS, instances: 3 });
    const killed = await dispatch(5, { warmUp: WARM_UP_REMINDERS, instances: 3, killOneAfter: 3_000 });
    const whole = (r: typeof oneTenant) => r.received === REMINDERS && r.distinctFollowUps === REMINDERS;
    report('reminder-instances', {
      runs: [oneTenant, fiveAlone, fiveThree, killed],
      fiveTenantsThreeToOne: Number((fiveThree.perSecond / fiveAlone.perSecond).toFixed(3)),
      targets: {
        no429: [oneTenant, fiveAlone, fiveThree, killed].every((r) => r.throttled429 === 0),
        oneTenantAtLeast95PercentOfCeiling: oneTenant.ofCeiling >= 0.95,
        fiveTenantsThreeInstancesAtLeast90PercentOfOne: fiveThree.perSecond >= 0.9 * fiveAlone.perSecond,
        noneLostOrDoubled: [oneTenant, fiveAlone, fiveThree, killed].every(whole),
        killedInstancesTenantsResumedWithinLease: killed.killedOne?.resumedWithinLease === true,
      },
    });
  }
  if (!only || only === 'faults')
    report('faults', {
      cosmosOutageDuringStorm: await cosmosOutageDuringStorm(),
      botKilledDuringDispatch: await killDuringDispatch(),
    });
  if (!only || only === 'scheduler-cost') report('scheduler-cost', await schedulerCostBenchmark());
  if (!only || only === 'minutes') report('minutes', await minutesBenchmark());
  if (!only || only === 'import-minutes') report('import-minutes', await importMinutesBenchmark());
  if (!only || only === 'search') report('search', await searchBenchmark());
  if (!only || only === 'person-data') report('person-data', await personDataBenchmark());
}

/** Writes docs/benchmarks.md; exits 1 naming each target missed by the benchmarks this run measured. */
function finish(): void {
  const missed = writeBenchmarksDoc().filter((target) => reported.has(target.split(':')[0]!));
  process.stdout.write('\ndocs/benchmarks.md written from bench/results and bench/baseline\n');
  if (missed.length === 0) process.exit(0);
  process.stderr.write(`\nTargets missed:\n${missed.map((target) => `- ${target}`).join('\n')}\n`);
  process.exit(1);
}

main().then(finish, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
