import { sv } from '../../src/i18n/sv';
import { answers, isCard, MEMBERS, prepareNetwork, storedAnswers } from './answer-storm';
import { startBenchStack } from './bench-stack';
import { runLoad } from './load';
import { dispatch } from './reminder-dispatch';

const OUTAGE_MS = 5000;
/** Cosmos is cut once this many of the 1,000 have been answered (a time would miss a storm that is over sooner). */
const CUT_AFTER_ANSWERS = 300;

/**
 * Cosmos goes off the network (the TCP proxy between the bot and it is cut) after 300 of 1,000 members answering at
 * concurrency 50 have had their answer, and comes back 5 s later. Every answer gets either the card (stored) or the storage message;
 * then those who got the message press again, as they are told to. Counted in Cosmos after.
 */
export async function cosmosOutageDuringStorm() {
  const stack = await startBenchStack({ entry: 'bot' });
  try {
    const { network, newMeeting } = await prepareNetwork(stack);
    const meetingId = await newMeeting();
    const bodies = answers(stack, network.conversation, network.networkId, meetingId);
    let outage: Promise<void> | undefined;
    let answeredBeforeCut = 0;
    const storm = await runLoad(`${stack.bot.url}/api/messages`, bodies, 50, isCard, (answered) => {
      if (outage || answered < CUT_AFTER_ANSWERS) return;
      answeredBeforeCut = answered;
      outage = (async () => {
        await stack.proxy.cut();
        await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
        await stack.proxy.restore();
      })();
    });
    if (!outage) throw new Error('the storm was over before Cosmos was cut');
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
        answeredBeforeCut,
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
        cutMidStorm: answeredBeforeCut < MEMBERS && told > 0,
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
  if (!run.deliveredUnanswered)
    throw new Error('no reminder was delivered without an answer before the kill: the case went untested');
  return {
    ...run,
    targets: {
      noneLost: run.distinctFollowUps === run.reminders,
      noneDoubled: run.received === run.distinctFollowUps,
    },
  };
}
