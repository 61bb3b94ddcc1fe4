import { sv } from '../../src/i18n/sv';
import { answers, isCard, MEMBERS, prepareNetwork, storedAnswers } from './answer-storm';
import { startBenchStack } from './bench-stack';
import { runLoad } from './load';
import { dispatch } from './reminder-dispatch';

const OUTAGE_MS = 5000;

/**
 * Cosmos goes off the network (the TCP proxy between the bot and it is cut) while 1,000 members answer at
 * concurrency 50, and comes back 5 s later. Every answer gets either the card (stored) or the storage message;
 * then those who got the message press again, as they are told to. Counted in Cosmos after.
 */
export async function cosmosOutageDuringStorm() {
  const stack = await startBenchStack({ entry: 'bot' });
  try {
    const { network, newMeeting } = await prepareNetwork(stack);
    const meetingId = await newMeeting();
    const bodies = answers(stack, network.conversation, network.networkId, meetingId);
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await stack.proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await stack.proxy.restore();
    })();
    const storm = await runLoad(`${stack.bot.url}/api/messages`, bodies, 50, isCard);
    await outage;
    const storageMessage = (body: unknown) =>
      (body as { value?: unknown } | undefined)?.value === sv['error.Unavailable'];
    const cards = storm.answers.filter((a) => isCard(a.status, a.body)).length;
    const told = storm.answers.filter((a) => a.status === 200 && storageMessage(a.body)).length;
    const other = storm.answers.length - cards - told;
    const storedBeforeRetry = await storedAnswers(stack, meetingId);
    // Those told "nothing was saved; try again" press again.
    const again = bodies.filter((_, i) => !isCard(storm.answers[i]!.status, storm.answers[i]!.body));
    const retry = await runLoad(`${stack.bot.url}/api/messages`, again, 50, isCard);
    const storedAfter = await storedAnswers(stack, meetingId);
    return {
      members: MEMBERS,
      outageMs: OUTAGE_MS,
      duringStorm: {
        seconds: storm.seconds,
        answeredWithCard: cards,
        toldStorageUnavailable: told,
        otherAnswers: other,
        p99Ms: storm.p99Ms,
        maxMs: storm.maxMs,
      },
      storedBeforeRetry: storedBeforeRetry.stored,
      retried: again.length,
      retryErrors: retry.errors,
      storedAfterRetry: storedAfter.stored,
      distinctAfterRetry: storedAfter.distinct,
      targets: {
        everyoneGotACardOrTheMessage: other === 0,
        everyCardStored: storedBeforeRetry.stored >= cards,
        allStoredAfterRetry: storedAfter.stored === MEMBERS && storedAfter.distinct === MEMBERS,
      },
    };
  } finally {
    await stack.stop();
  }
}

/** The bot is killed in the middle of dispatching 10,000 reminders (5 tenants) and started again. */
export async function killDuringDispatch() {
  const run = await dispatch(5, { killAfter: 3000 });
  return {
    ...run,
    targets: {
      noneLost: run.distinctFollowUps === run.reminders,
      noneDoubled: run.received === run.distinctFollowUps,
    },
  };
}
