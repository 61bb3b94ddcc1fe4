import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard } from '../helpers/teams-activity';

/**
 * Every Action.Execute verb on the bot's cards and the keys its data carries, read from the templates (the
 * refresh verb is set in code).
 */
const DATA_KEYS = new Map<string, Set<string>>([['rsvp.view', new Set(['networkId', 'meetingId'])]]);
const walk = (node: unknown): void => {
  if (Array.isArray(node)) node.forEach(walk);
  else if (node && typeof node === 'object') {
    const { verb, data } = node as { verb?: unknown; data?: unknown };
    if (typeof verb === 'string') {
      const keys = DATA_KEYS.get(verb) ?? new Set<string>();
      for (const key of Object.keys((data as object | undefined) ?? {})) keys.add(key);
      DATA_KEYS.set(verb, keys);
    }
    Object.values(node).forEach(walk);
  }
};
const templates = join(__dirname, '../../adaptiveCards');
for (const file of readdirSync(templates)) walk(JSON.parse(readFileSync(join(templates, file), 'utf8')));
const VERBS = [...DATA_KEYS.keys()].sort();

/**
 * Identity and role come from the activity (who pressed) and the stored roles, never from card data: for every
 * verb, a member who is neither chair nor secretary presses with card data that claims to be the chair. Nothing
 * stored changes, and the answer is a refusal or the presser's own view, never a failure.
 */
describe('card data never carries identity or role', () => {
  const suite = withBotAndConnector();
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);

  /** Every document in every container, without Cosmos' own fields. */
  const everything = async () => {
    const all: Record<string, unknown[]> = {};
    for (const [name, container] of Object.entries(suite.bot.cosmos.containers)) {
      const { resources } = await container.items.query('SELECT * FROM c').fetchAll();
      all[name] = resources
        .map(({ _ts, _etag, _rid, _self, _attachments, ...doc }: Record<string, unknown>) => doc)
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    return all;
  };

  it('lists the verbs it checks', () => {
    expect(VERBS.length).toBeGreaterThanOrEqual(25);
    expect(VERBS).toEqual(expect.arrayContaining(['rsvp.answer', 'minutes.approve', 'personData.erase']));
  });

  it.each(VERBS)('%s: a member claiming the chair in card data gets nothing more', async (verb) => {
    if (!network) {
      network = await setUpNetwork(suite.bot, suite.connector, '19:card-identity@thread.v2');
      const meeting = meetingStarting(network.networkId, new Date(Date.now() + 1800_000));
      await suite.bot.deps.meetings.create(meeting);
      await say('starta möte');
      await say('beslut Nätverket ställer sig bakom uppdraget.');
      const card = attachmentCard(
        await say('uppgift <at>Sara Lind</at> skickar ut enkäten senast 31 december 2099'),
      );
      const done = (card as { actions: { verb?: string; data?: Record<string, unknown> }[] }).actions.find(
        (a) => a.verb === 'followUp.done',
      )!.data!;
      Object.assign(ids, {
        meetingId: meeting.meetingId,
        followUpId: done.followUpId,
        revision: done.revision,
      });
      await say('avsluta möte');
      await say('protokoll');
    }
    const before = await everything();
    const forged = {
      networkId: network.networkId,
      ...ids,
      number: 1,
      version: 1,
      // What a tampered card might claim: the chair's identity and a role.
      aadObjectId: KARIN.aadObjectId,
      userId: SARA.id,
      from: { id: KARIN.id, aadObjectId: KARIN.aadObjectId, name: KARIN.name },
      role: 'chair',
      isChair: true,
    };
    // With the extra claims, and with only the keys the card carries (so the stored roles decide, not the schema).
    const shaped = Object.fromEntries(
      [...DATA_KEYS.get(verb)!].map((key) => [key, key in forged ? forged[key as keyof typeof forged] : 'x']),
    );
    for (const data of [forged, shaped]) {
      const answer = await press(verb, data, ANDERS);
      expect(answer.statusCode).toBe(200);
      expect(JSON.stringify(answer.value)).not.toMatch(/internal|error/i);
      expect(await everything()).toEqual(before);
    }
  });

  const ids: Record<string, unknown> = {};
});
