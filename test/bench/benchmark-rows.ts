/** A benchmark's result as written to bench/results (only the fields the rows read are typed). */
export type Result = Record<string, unknown> & { benchmark: string; measuredAt: string };

/** One line of the benchmarks table: what was measured, its figures, and the target they are held to. */
export interface Row {
  what: string;
  figures: string;
  target: string;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const num = (value: unknown): string => (typeof value === 'number' ? String(value) : '–');
const pct = (value: unknown): string => (typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : '–');

function answerStorm(result: Result): Row[] {
  return (result.runs as Json[]).map((run) => ({
    what: `Answer storm, ${num(result.members)} members, concurrency ${num(run.concurrency)}`,
    figures:
      `${num(run.perSecond)}/s (echo ${num(run.echoPerSecond)}/s, ratio ${num(run.ratioToEcho)}); ` +
      `p50 ${num(run.p50Ms)} ms, p95 ${num(run.p95Ms)} ms, p99 ${num(run.p99Ms)} ms`,
    target:
      run.concurrency === 50
        ? 'none lost or doubled; p99 < 1 s; ≥ 0.5 of echo'
        : 'none lost or doubled; ≥ 0.5 of echo',
  }));
}

function memory(result: Result): Row[] {
  return [
    {
      what: 'Peak RSS of the bot during the answer storm',
      figures: `${num(result.peakRssMb)} MB`,
      target: `< ${num(result.targetMb)} MB`,
    },
  ];
}

const dispatchFigures = (run: Json): string =>
  `${num(run.perSecond)}/s of ${num(run.ceilingPerSecond)}/s (${pct(run.ofCeiling)}); ${num(run.throttled429)} × 429; ` +
  `${num(run.received)} received, ${num(run.distinctFollowUps)} distinct; ${num(run.drainSeconds)} s`;

function reminderDispatch(result: Result): Row[] {
  return (result.runs as Json[]).map((run) => ({
    what: `Reminder dispatch, ${num(run.reminders)} over ${num(run.networks)} networks, ${num(run.tenants)} tenant(s)`,
    figures: dispatchFigures(run),
    target: 'no 429; ≥ 95% of the ceiling; none lost or doubled',
  }));
}

function reminderInstances(result: Result): Row[] {
  const [oneTenant, fiveAlone, fiveThree, killed] = (result.runs as Json[]).map(obj);
  const cpu = (run: Json | undefined) => `${num(obj(run?.cpu).msPerReminder)} ms CPU per reminder`;
  const kill = obj(killed?.killedOne);
  const resumed = Object.values(obj(kill.resumedAfterSeconds)).map(num).join(', ');
  return [
    {
      what: 'Three instances, 10,000 reminders to 1 tenant',
      figures: `${dispatchFigures(oneTenant ?? {})}; ${cpu(oneTenant)}`,
      target: 'no 429; ≥ 95% of 50/s; none lost or doubled',
    },
    {
      what: 'Three instances beside one, 10,000 reminders to 5 tenants',
      figures:
        `three: ${num(fiveThree?.perSecond)}/s, one: ${num(fiveAlone?.perSecond)}/s (ratio ` +
        `${num(result.fiveTenantsThreeToOne)}); ${num(fiveThree?.throttled429)} × 429; three ${cpu(fiveThree)}, one ${cpu(fiveAlone)}`,
      target: 'no 429; three ≥ 0.9 of one; none lost or doubled',
    },
    {
      what: 'Three instances, 5 tenants, the one holding most tenants killed and restarted',
      figures:
        `killed ${typeof kill.killed === 'string' ? kill.killed : '–'} after ${num(kill.killedAfterReceived)} (held ${num((kill.tenantsItHeld as unknown[] | undefined)?.length)} tenants, ` +
        `resumed after ${resumed || '–'} s); ${num(killed?.received)} received, ${num(killed?.distinctFollowUps)} distinct`,
      target: 'none lost or doubled; its tenants resumed within the lease (10 s)',
    },
  ];
}

function faults(result: Result): Row[] {
  const outage = obj(result.cosmosOutageDuringStorm);
  const during = obj(outage.duringStorm);
  const kill = obj(result.botKilledDuringDispatch);
  return [
    {
      what: `Cosmos cut for ${num(Number(outage.outageMs) / 1000)} s mid-storm`,
      figures:
        `${num(during.answeredWithCard)} got their card, ${num(during.toldStorageUnavailable)} were told storage is ` +
        `unavailable, ${num(during.otherAnswers)} other; ${num(outage.storedAfterRetry)} stored after they pressed again`,
      target: 'a clear answer; nothing half written; all there after recovery',
    },
    {
      what: `Bot killed after ${num(kill.killedAfterReceived)} of ${num(kill.reminders)} reminders, restarted`,
      figures:
        `${num(kill.deliveredUnanswered)} taken by Teams and not recorded, ${num(kill.foundAlreadyPosted)} found in ` +
        `their chats; ${num(kill.received)} received, ${num(kill.distinctFollowUps)} distinct; ${num(kill.throttled429)} × 429`,
      target: 'none lost or doubled',
    },
  ];
}

function schedulerCost(result: Result): Row[] {
  const ticks = (result.ticks as Json[])
    .map(
      (t) =>
        `${num(t.due)} due / ${num(t.background)} others: ${num(t.requests)} requests, ${num(t.documentsReturned)} documents`,
    )
    .join('; ');
  return [
    {
      what: 'Scheduler tick cost',
      figures: ticks,
      target: 'proportional to what is due, not to what is stored',
    },
  ];
}

function minutes(result: Result): Row[] {
  const warm = obj(result.warm);
  return [
    {
      what: `Minutes, ${num(result.attendees)} attendees, ${num(result.items)} items`,
      figures:
        `build ${num(obj(warm.build).medianMs)} ms, Markdown ${num(obj(warm.markdown).medianMs)} ms, Word ` +
        `${num(obj(warm.docx).medianMs)} ms (medians of ${num(warm.runs)}); first Word ${num(obj(result.cold).docxMs)} ms`,
      target: '(reported)',
    },
  ];
}

function importMinutes(result: Result): Row[] {
  const one = obj(result.oneFile);
  const cli = obj(result.cli);
  return [
    {
      what: 'Reading minutes (one Word file; 100 through the CLI)',
      figures: `${num(one.medianMs)} ms median, ${num(one.p95Ms)} ms p95; 100 files ${num(cli.elapsedMs)} ms`,
      target: 'one file < 50 ms; 100 files < 10 s',
    },
  ];
}

function search(result: Result): Row[] {
  const later = obj(result.laterSearches);
  return [
    {
      what: `Search, ten years of one network (${num(obj(result.network).indexedDocuments)} documents)`,
      figures:
        `first ${num(result.firstSearchMs)} ms, later p50 ${num(later.p50Ms)} ms, p95 ${num(later.p95Ms)} ms; ` +
        `${num(result.heapPerIndexMb)} MB per index; 200 networks ${num(obj(result.twoHundredNetworks).heapMb)} MB`,
      target: 'first < 1.5 s; p95 < 50 ms; < 5 MB per index; 200 networks < 300 MB',
    },
  ];
}

function personData(result: Result): Row[] {
  const found = (part: unknown) => num(obj(part).documentsFound);
  return [
    {
      what:
        `Personal data, ${num(result.networks)} networks of ${num(result.meetingsPerNetwork)} meetings and ` +
        `${num(result.membersPerNetwork)} members (${num(result.documents)} documents)`,
      figures:
        `chair's export ${num(obj(result.chairExport).ms)} ms (${found(result.chairExport)} found), erasure ` +
        `${num(obj(result.chairErase).ms)} ms; administrator's export ${num(obj(result.adminExport).ms)} ms ` +
        `(${found(result.adminExport)} found), erasure ${num(obj(result.adminErase).ms)} ms`,
      target: `chair's export and erasure < ${num(result.invokeLimitMs)} ms (an invoke)`,
    },
  ];
}

const ROWS: Record<string, (result: Result) => Row[]> = {
  'answer-storm': answerStorm,
  memory,
  'reminder-dispatch': reminderDispatch,
  'reminder-instances': reminderInstances,
  faults,
  'scheduler-cost': schedulerCost,
  minutes,
  'import-minutes': importMinutes,
  search,
  'person-data': personData,
};

/** The benchmarks in the order the table lists them. */
export const BENCHMARKS = Object.keys(ROWS);

export const rowsOf = (result: Result): Row[] => ROWS[result.benchmark]?.(result) ?? [];

/**
 * The targets a result states as met (true) or missed (false), by name: every `targets` object in it, at any
 * depth, and the older results' `underTarget` / `proportionalToDue`.
 */
export function targetsOf(result: Json, path: string[] = []): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const [key, value] of Object.entries(result)) {
    if (key === 'targets' && typeof value === 'object' && value !== null)
      for (const [name, met] of Object.entries(value as Json))
        if (typeof met === 'boolean') found.set([...path, name].join('.'), met);
    if ((key === 'underTarget' || key === 'proportionalToDue') && typeof value === 'boolean')
      found.set([...path, key].join('.'), value);
    if (key !== 'targets' && typeof value === 'object' && value !== null && !Array.isArray(value))
      for (const [name, met] of targetsOf(value as Json, [...path, key])) found.set(name, met);
  }
  return found;
}
