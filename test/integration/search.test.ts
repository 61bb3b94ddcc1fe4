import { DateTime } from 'luxon';
import type { Meeting } from '../../src/domain/meeting';
import { storeImport, importKey } from '../../src/features/import/store-import';
import { readMinutes } from '../../src/import/read-minutes';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector, type TestBot } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { withSharedCosmos } from '../helpers/shared-cosmos';
import { cardProblems } from '../helpers/validate-card';

type Chat = Awaited<ReturnType<typeof setUpNetwork>>;

/** A meeting of `chat`'s network held `daysAgo` days ago, ended; its minutes approved unless `draft`. */
function heldMeeting(networkId: string, daysAgo: number, title: string, draft = false): Meeting {
  const startsAt = DateTime.now().minus({ days: daysAgo }).set({ hour: 8, minute: 0 }).toJSDate();
  return {
    ...meetingStarting(networkId, startsAt, {
      title,
      items: [
        { title: 'Kompetensförsörjning', presenters: [], guests: [], slides: false },
        { title: 'Övrigt', presenters: [], guests: [], slides: false },
      ],
    }),
    status: 'ended',
    ...(draft ? {} : { minutesApprovedAt: new Date().toISOString() }),
  };
}

describe('finding what the network decided', () => {
  const suite = withBotAndConnector();
  const chats: { a: Chat; b: Chat } = {} as never;
  const inA = chatMember(suite, () => chats.a);
  const inB = chatMember(suite, () => chats.b);
  const personal = chatMember(suite, () => ({
    conversation: { conversationType: 'personal', tenantId: 't', id: 'a:personal-sara-search' },
  }));
  const deps = () => suite.bot.deps;
  beforeAll(async () => {
    chats.a = await setUpNetwork(suite.bot, suite.connector, '19:search-a@thread.v2', {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
      name: 'Socialchefsnätverket',
      retentionMonths: '12',
    });
    chats.b = await setUpNetwork(suite.bot, suite.connector, '19:search-b@thread.v2', {
      chairs: KARIN.aadObjectId,
      name: 'Äldreomsorgschefer',
    });
    const a = chats.a.networkId;
    const b = chats.b.networkId;
    const spring = heldMeeting(a, 30, 'Nätverksmöte våren');
    const draft = heldMeeting(a, 3, 'Nätverksmöte november', true);
    const old = heldMeeting(a, 500, 'Nätverksmöte förr');
    const other = heldMeeting(b, 20, 'Äldremöte');
    for (const m of [spring, draft, old, other]) await deps().meetings.create(m);
    const day = (m: Meeting) => DateTime.fromObject(m.date).toISODate();
    await inA.say(
      `möte ${day(spring)} beslut punkt 1 Nätverket ställer sig bakom strukturen för branschrådet.`,
      JOHAN,
    );
    await inA.say(
      `möte ${day(draft)} anteckning punkt 1 Strukturerna för branschråd diskuterades utan beslut.`,
      JOHAN,
    );
    await inA.say(
      `möte ${day(old)} beslut punkt 1 Nätverket beslutar om ett branschråd för förskolan.`,
      JOHAN,
    );
    await inB.say(
      `möte ${day(other)} beslut punkt 1 Nätverket inrättar ett branschråd för äldreomsorgen.`,
      KARIN,
    );
    // One meeting of network A imported from its past minutes.
    const text =
      'Anteckningar 2026-06-05\n\nNÄRVARANDE\nSara Lind, Kungälv\n\n1. Branschråd\n*Nätverket nominerar Kungälv till branschrådets styrgrupp.*\n';
    const { network } = (await deps().networks.get(a))!;
    await storeImport(deps(), network, readMinutes(text), {
      key: importKey(a, text),
      date: '2026-06-05',
      by: KARIN.aadObjectId,
    });
  });

  it("in a network's chat finds that network's decisions, imported ones too, and never another network's", async () => {
    const answer = await inA.say('sök branschråd', SARA);
    expect(cardProblems(attachmentCard(answer) ?? {})).toEqual([]);
    const texts = cardTexts(attachmentCard(answer));
    expect(texts[0]).toBe('Sökning: branschråd');
    expect(texts.join(' ')).toContain('Nätverket ställer sig bakom strukturen för');
    expect(texts.join(' ')).toContain('Nätverket nominerar Kungälv till');
    expect(texts.join(' ')).not.toContain('äldreomsorgen');
    // Past the network's retention (12 months): not found, even before the sweep deletes it.
    expect(texts.join(' ')).not.toContain('förskolan');
    // The matched word in bold.
    expect(JSON.stringify(attachmentCard(answer))).toMatch(/"text":"branschrådet","weight":"Bolder"/);
    expect(cardTexts(attachmentCard(await inB.say('sök branschråd', KARIN))).join(' ')).not.toContain(
      'strukturen',
    );
  });

  it("shows a draft's notes to chairs and the secretary only, and opens the minutes from a hit", async () => {
    expect(cardTexts(attachmentCard(await inA.say('sök strukturerna', SARA))).join(' ')).not.toContain(
      'diskuterades',
    );
    const keeper = await inA.say('sök strukturerna', JOHAN);
    expect(cardTexts(attachmentCard(keeper)).join(' ')).toContain('diskuterades');
    const answer = attachmentCard(await inA.say('sök beslut nominerar', SARA));
    const hits = JSON.stringify(answer).match(/"verb":"minutes\.open","data":(\{[^}]+\})/g) ?? [];
    expect(hits.length).toBeGreaterThan(0);
  });

  it('in the personal chat searches every network the user is a member of, named', async () => {
    const texts = cardTexts(attachmentCard(await personal.say('sök branschråd', SARA))).join(' ');
    expect(texts).toContain('Socialchefsnätverket');
    expect(texts).toContain('Äldreomsorgschefer');
    expect(texts).toContain('äldreomsorgen');
  });

  it('says what was searched for when nothing is found', async () => {
    expect((await inA.say('sök blåbärssoppa', ANDERS)).text).toBe('Jag hittade inget för ”blåbärssoppa”.');
  });
});

describe('search and erasure', () => {
  const suite = withBotAndConnector();
  const chat = { current: undefined as unknown as Chat };
  const { say } = chatMember(suite, () => chat.current);

  it('does not find an erased person as the owner of their follow-ups', async () => {
    chat.current = await setUpNetwork(suite.bot, suite.connector, '19:search-erase@thread.v2', {
      chairs: KARIN.aadObjectId,
    });
    await suite.bot.deps.meetings.create(heldMeeting(chat.current.networkId, 2, 'Nätverksmöte', true));
    await say('uppgift <at>Anders Holm</at> punkt 1 skickar budgetunderlaget senast 31 december 2035');
    expect(cardTexts(attachmentCard(await say('sök Anders'))).join(' ')).toContain('budgetunderlaget');
    await suite.bot.deps.personData.erase(
      { aadObjectId: ANDERS.aadObjectId, userId: ANDERS.id },
      chat.current.networkId,
    );
    expect((await say('sök Anders')).text).toBe('Jag hittade inget för ”Anders”.');
  });
});

describe('search on two instances', () => {
  const { context } = withSharedCosmos(2);

  it('finds a decision edited on one instance in its new wording on the other', async () => {
    const [one, two] = context.bots as [TestBot, TestBot];
    const { connector } = context;
    const chat = await setUpNetwork(one, connector, '19:search-two@thread.v2', { chairs: KARIN.aadObjectId });
    const onOne = chatMember({ bot: one, connector }, () => chat);
    const onTwo = chatMember({ bot: two, connector }, () => chat);
    const meeting = heldMeeting(chat.networkId, 5, 'Nätverksmöte', true);
    await one.deps.meetings.create(meeting);
    const card = attachmentCard(await onOne.say('beslut punkt 1 Nätverket godkänner budgeten.'));
    expect(cardTexts(attachmentCard(await onTwo.say('sök budgeten'))).join(' ')).toContain('godkänner');
    const undo = (card as { actions: { verb?: string; data?: Record<string, string> }[] }).actions.find(
      (a) => a.verb === 'decision.undo',
    )!.data!;
    await onOne.press('decision.edit', { ...undo, text: 'Nätverket avslår budgeten.' });
    // The second instance built its index before the edit; the version it checks tells it to read again.
    const texts = cardTexts(attachmentCard(await onTwo.say('sök budgeten'))).join(' ');
    expect(texts).toContain('avslår');
    expect(texts).not.toContain('godkänner');
  });
});
