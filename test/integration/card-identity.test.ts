import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard } from '../helpers/teams-activity';
import { storedDocuments } from '../helpers/stored-documents';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';

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

  const everything = () => storedDocuments(suite.bot.cosmos);

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
        await say('uppgift <at>Sara Lind</at> skickar ut enkäten senast 31 december 2035'),
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

/** A plausible value for an input, as Teams would send it filled in. */
function filledIn(input: Record<string, unknown>): string {
  if (input.type === 'Input.ChoiceSet') {
    const [first] = (input.choices as { value?: string }[] | undefined) ?? [];
    return first?.value ?? 'x';
  }
  if (input.type === 'Input.Toggle') return typeof input.valueOn === 'string' ? input.valueOn : 'true';
  if (input.type === 'Input.Date') return '2035-12-30';
  if (input.type === 'Input.Time') return '09:00';
  if (input.type === 'Input.Number') return '1';
  return typeof input.value === 'string' && input.value ? input.value : 'Nätverket tackar för informationen.';
}

/** The inputs of one card, not of the ShowCards inside it (an action sends its own card's and its parents'). */
function inputsOf(node: unknown, into: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(node)) node.forEach((child) => inputsOf(child, into));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (
      typeof element.type === 'string' &&
      element.type.startsWith('Input.') &&
      typeof element.id === 'string'
    )
      into[element.id] = filledIn(element);
    for (const [key, child] of Object.entries(element)) if (key !== 'card') inputsOf(child, into);
  }
  return into;
}

/** Every Action.Execute's verb and what pressing it sends: its data and its cards' inputs, filled in. */
function actionsOn(
  card: unknown,
  into: Map<string, Record<string, unknown>>,
  inherited: Record<string, string> = {},
): void {
  const inputs = { ...inherited, ...inputsOf(card) };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const { type, verb, data, card: shown } = node as Record<string, unknown>;
      if (
        type === 'Action.Execute' &&
        typeof verb === 'string' &&
        data &&
        typeof data === 'object' &&
        !into.has(verb)
      )
        into.set(verb, { ...inputs, ...(data as Record<string, unknown>) });
      if (type === 'Action.ShowCard') actionsOn(shown, into, inputs);
      for (const [key, child] of Object.entries(node)) if (key !== 'card') walk(child);
    }
  };
  walk(card);
}

/**
 * A card's data is checked whole: the chair, who may press every button, presses each with the data a real card
 * carries and one field more. Each is refused as an altered card and nothing stored changes.
 */
describe('card data with a field added', () => {
  const suite = withBotAndConnector();
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);
  const real = new Map<string, Record<string, unknown>>();
  const stale = [sv['card.stale'], en['card.stale']];

  const everything = () => storedDocuments(suite.bot.cosmos);

  beforeAll(async () => {
    network = await setUpNetwork(suite.bot, suite.connector, '19:card-strict@thread.v2');
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 1800_000));
    await suite.bot.deps.meetings.create(meeting);
    const cardsOf = async (text: string) => {
      await say(text);
      for (const activity of suite.connector.sent) actionsOn(attachmentCard(activity), real);
    };
    for (const text of [
      'hjälp',
      'inställningar',
      'dagordning',
      'starta möte',
      'beslut Nätverket ställer sig bakom uppdraget.',
      'anteckning',
      'uppgift <at>Sara Lind</at> skickar ut enkäten senast 31 december 2035',
      'närvaro',
      'påminnelser',
      'organisationer',
      'personuppgifter',
      'avsluta möte',
      'protokoll',
      'sök uppdraget',
      'nytt möte',
      'personuppgifter Sara Lind',
      'anteckning Nätverket beslutade att ställa sig bakom förslaget.',
    ])
      await cardsOf(text);
    // The cards the chair opens from these (her own view of the agenda, the minutes, a person's data).
    for (const verb of ['rsvp.view', 'minutes.open', 'personData.open', 'personData.askErase']) {
      const data = real.get(verb);
      if (data) actionsOn((await press(verb, data, KARIN)).value, real);
    }
    // Cards this chat does not get in this scenario (a Teams meeting's joiner, a file to import, a new member's
    // question, a second page of results, the agenda's chair buttons once the meeting is over): their data as
    // those cards carry it.
    const ref = { networkId: network.networkId, meetingId: meeting.meetingId };
    const constructed: Record<string, Record<string, unknown>> = {
      'attendance.include': { ...ref, person: `member:${SARA.id}`, organisation: 'Kungälv', items: '' },
      'attendance.leaveOut': { ...ref, person: `member:${SARA.id}` },
      'import.read': { networkId: network.networkId, text: 'Minnesanteckningar' },
      'import.confirm': { importId: '00000000-0000-4000-8000-000000000009', network: '', date: '2026-11-20' },
      'import.cancel': { importId: '00000000-0000-4000-8000-000000000009' },
      'meeting.edit': ref,
      'meeting.cancel': ref,
      'rsvp.nudge': ref,
      'member.organisation.self': { networkId: network.networkId, organisation: 'Kungälv' },
      'network.setup.open': { networkId: network.networkId },
      'search.more': { query: 'uppdraget', page: 2 },
    };
    for (const [verb, data] of Object.entries(constructed)) if (!real.has(verb)) real.set(verb, data);
  });

  it('has the data of every verb, most from the cards the bot sent', () => {
    expect(VERBS.filter((verb) => !real.has(verb))).toEqual([]);
  });

  it('refuses every one of them with a field added, and nothing stored changes', async () => {
    const accepted: string[] = [];
    for (const [verb, data] of real) {
      const before = await everything();
      const answer = await press(verb, { ...data, injected: 'x', aadObjectId: SARA.aadObjectId }, KARIN);
      if (answer.statusCode !== 200 || !stale.includes(answer.value as string))
        accepted.push(`${verb} answered`);
      if (JSON.stringify(await everything()) !== JSON.stringify(before)) accepted.push(`${verb} wrote`);
    }
    expect(accepted).toEqual([]);
  });
});
