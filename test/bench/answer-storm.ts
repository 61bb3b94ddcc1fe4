import { randomUUID } from 'node:crypto';
import { meetingStarting, DAY_MS } from '../fixtures/meeting';
import { KARIN } from '../fixtures/members';
import { createMeetingRepository } from '../../src/storage/meeting-repository';
import { setUpNetwork } from '../helpers/network-setup';
import { cardAction } from '../helpers/teams-activity';
import type { BenchStack } from './bench-stack';
import { runLoad, type LoadFigures } from './load';

export const MEMBERS = 1000;
export const CONCURRENCIES = [50, 200];
/** Rounds per concurrency (a storm on the bot, then one on the echo); medians are reported. */
export const REPEATS = 5;

/** 1,000 distinct members of one network, as Teams' member API lists them. */
export const benchMembers = (tenant: string, count = MEMBERS) =>
  Array.from({ length: count }, (_, i) => ({
    id: `29:${tenant}-member-${i}`,
    name: `Medlem ${i}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }));

/** Each member pressing an answer on the agenda card of `meetingId`: the invoke Teams sends. */
export const answers = (
  stack: BenchStack,
  chat: Record<string, unknown>,
  networkId: string,
  meetingId: string,
) =>
  benchMembers('t0').map((member, i) =>
    cardAction(
      stack.connector.serviceUrl,
      'rsvp.answer',
      { networkId, meetingId, answer: i % 4 === 0 ? 'no' : 'yes' },
      { conversation: chat, from: { id: member.id, name: member.name, aadObjectId: member.aadObjectId } },
    ),
  );

export const isCard = (status: number, body: unknown) =>
  status === 200 &&
  (body as { type?: string } | undefined)?.type === 'application/vnd.microsoft.card.adaptive';

/** Stored answers for a meeting and how many distinct members they are from. */
export async function storedAnswers(
  stack: BenchStack,
  meetingId: string,
): Promise<{ stored: number; distinct: number }> {
  const { resources } = await stack.store.containers.meetings.items
    .query<string>(
      {
        query: "SELECT VALUE c.aadObjectId FROM c WHERE c.meetingId = @m AND c.type = 'rsvp'",
        parameters: [{ name: '@m', value: meetingId }],
      },
      { partitionKey: meetingId },
    )
    .fetchAll();
  return { stored: resources.length, distinct: new Set(resources).size };
}

export type StormRun = LoadFigures & { stored: number; distinct: number };

/** One network of 1,000 members set up through the real cards; a fresh meeting per storm. */
export async function prepareNetwork(stack: BenchStack) {
  const chatId = '19:bench-t0-storm@thread.v2';
  stack.connector.members.set(chatId, [KARIN, ...benchMembers('t0')]);
  const network = await setUpNetwork(stack.bot, stack.connector, chatId);
  const meetings = createMeetingRepository(stack.store.containers.networks);
  const newMeeting = async () => {
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3 * DAY_MS));
    await meetings.create(meeting);
    return meeting.meetingId;
  };
  return { network, newMeeting };
}

/** The median of a few numbers (the middle one of an odd count). */
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export type PairedRun = StormRun & {
  /** The echo baseline's figures in the same round. */
  echo: LoadFigures;
  ratioToEcho: number;
};

export interface StormAtConcurrency {
  concurrency: number;
  /** The median of the rounds' throughput, latency percentiles and ratios (each taken on its own). */
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  echoPerSecond: number;
  echoP99Ms: number;
  ratioToEcho: number;
  rounds: PairedRun[];
}

/**
 * The answer storm against the real bot and the echo baseline, both running, in alternating rounds: at each
 * concurrency, REPEATS rounds of 1,000 answers to the bot (each on a fresh meeting, answers counted in Cosmos after)
 * followed by the same 1,000 invokes to the echo. The ratio is taken per round, so a slow spell of the machine
 * (a shared, virtualised host) weighs on both sides of it. A first round at the lowest concurrency warms
 * connections, JIT and caches and is not counted.
 */
export async function answerStorm(bot: BenchStack, echo: BenchStack): Promise<StormAtConcurrency[]> {
  const { network, newMeeting } = await prepareNetwork(bot);
  const echoChat = {
    isGroup: true,
    conversationType: 'groupChat',
    tenantId: 't',
    id: '19:bench-t0-echo@thread.v2',
  };
  const echoBodies = answers(echo, echoChat, 'echo', randomUUID());
  const stormBot = async (concurrency: number): Promise<StormRun> => {
    const meetingId = await newMeeting();
    const { answers: _answers, ...figures } = await runLoad(
      `${bot.bot.url}/api/messages`,
      answers(bot, network.conversation, network.networkId, meetingId),
      concurrency,
      isCard,
    );
    return { ...figures, ...(await storedAnswers(bot, meetingId)) };
  };
  const stormEcho = async (concurrency: number): Promise<LoadFigures> => {
    const { answers: _answers, ...figures } = await runLoad(
      `${echo.bot.url}/api/messages`,
      echoBodies,
      concurrency,
      isCard,
    );
    return figures;
  };
  await stormBot(CONCURRENCIES[0]!);
  await stormEcho(CONCURRENCIES[0]!);
  const results: StormAtConcurrency[] = [];
  for (const concurrency of CONCURRENCIES) {
    const rounds: PairedRun[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const run = await stormBot(concurrency);
      const baseline = await stormEcho(concurrency);
      rounds.push({
        ...run,
        echo: baseline,
        ratioToEcho: Number((run.perSecond / baseline.perSecond).toFixed(2)),
      });
    }
    const of = (pick: (round: PairedRun) => number) => median(rounds.map(pick));
    results.push({
      concurrency,
      perSecond: of((r) => r.perSecond),
      p50Ms: of((r) => r.p50Ms),
      p95Ms: of((r) => r.p95Ms),
      p99Ms: of((r) => r.p99Ms),
      echoPerSecond: of((r) => r.echo.perSecond),
      echoP99Ms: of((r) => r.echo.p99Ms),
      ratioToEcho: of((r) => r.ratioToEcho),
      rounds,
    });
  }
  return results;
}
