import { randomUUID } from 'node:crypto';
import { meetingStarting, DAY_MS } from '../fixtures/meeting';
import { KARIN } from '../fixtures/members';
import { createMeetingRepository } from '../../src/storage/meeting-repository';
import { setUpNetwork } from '../helpers/network-setup';
import { cardAction } from '../helpers/teams-activity';
import { startBenchStack, type BenchStack } from './bench-stack';
import { runLoad, type LoadFigures } from './load';

export const MEMBERS = 1000;
export const CONCURRENCIES = [50, 200];

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

/** The storm at each concurrency against the real bot, each on a fresh meeting; answers counted in Cosmos after. */
export async function stormBot(stack: BenchStack): Promise<StormRun[]> {
  const { network, newMeeting } = await prepareNetwork(stack);
  // Warm-up: connections, JIT, caches; not measured.
  const warm = await newMeeting();
  await runLoad(
    `${stack.bot.url}/api/messages`,
    answers(stack, network.conversation, network.networkId, warm).slice(0, 100),
    20,
    isCard,
  );
  const runs: StormRun[] = [];
  for (const concurrency of CONCURRENCIES) {
    const meetingId = await newMeeting();
    const { answers: _answers, ...figures } = await runLoad(
      `${stack.bot.url}/api/messages`,
      answers(stack, network.conversation, network.networkId, meetingId),
      concurrency,
      isCard,
    );
    runs.push({ ...figures, ...(await storedAnswers(stack, meetingId)) });
  }
  return runs;
}

/** The same invokes against the echo baseline (no storage, a fixed card). */
export async function stormEcho(): Promise<LoadFigures[]> {
  const stack = await startBenchStack({ entry: 'echo' });
  try {
    const chat = {
      isGroup: true,
      conversationType: 'groupChat',
      tenantId: 't',
      id: '19:bench-t0-echo@thread.v2',
    };
    const ids = { networkId: 'echo', meetingId: randomUUID() };
    const bodies = answers(stack, chat, ids.networkId, ids.meetingId);
    await runLoad(`${stack.bot.url}/api/messages`, bodies.slice(0, 100), 20, isCard);
    const runs: LoadFigures[] = [];
    for (const concurrency of CONCURRENCIES) {
      const { answers: _answers, ...figures } = await runLoad(
        `${stack.bot.url}/api/messages`,
        bodies,
        concurrency,
        isCard,
      );
      runs.push(figures);
    }
    return runs;
  } finally {
    await stack.stop();
  }
}
