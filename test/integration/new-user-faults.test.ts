import { eventually } from '../helpers/eventually';
import { sv } from '../../src/i18n/sv';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, KARIN, SARA } from '../fixtures/members';
import { networkSuite } from '../helpers/network-suite';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

/** The faults a new user hit running a whole meeting; each test failed before its fix. */
describe('what a new user ran into', () => {
  const { suite, say, press, deps, ...chat } = networkSuite('faults');
  let network: ReturnType<typeof chat.network>;
  let counter = 0;
  beforeEach(() => {
    network = chat.network();
    counter = chat.counter();
  });

  const planned = async (extra: Parameters<typeof meetingStarting>[2] = {}) => {
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3600_000), {
      title: 'Nätverksmöte november',
      ...extra,
    });
    await deps().meetings.create(meeting);
    return meeting;
  };

  it('"starta möte" starts the meeting and posts the check-in card when the agenda card cannot be updated', async () => {
    const meeting = await planned();
    await say('dagordning');
    expect(
      (await deps().meetings.get(network.networkId, meeting.meetingId))?.meeting.agendaActivityId,
    ).toBeDefined();
    suite.connector.reset();
    // Someone deleted the agenda message: Teams answers the update with 404.
    suite.connector.failures = [404];
    await say('starta möte');
    await suite.connector.waitForCalls(2);
    const sent = suite.connector.sent;
    expect(cardTexts(attachmentCard(sent[0] ?? {}))).toContain(sv['checkIn.button']);
    expect(sent[1]?.text).toBe(
      'Mötet Nätverksmöte november är startat och svaren är stängda, men dagordningens kort i chatten kunde inte uppdateras (det kan ha tagits bort).',
    );
    expect(sent.map((a) => a.text)).not.toContain(sv['error.apology']);
    expect((await deps().meetings.get(network.networkId, meeting.meetingId))?.meeting.status).toBe('started');
  });

  it('a decision stored whose card Teams then refuses is answered as saved, never as "nothing was done"', async () => {
    const meeting = await planned();
    await say('starta möte');
    suite.connector.reset();
    suite.connector.failures = [403];
    await say('beslut punkt 1 Nätverket ställer sig bakom uppdraget.');
    await suite.connector.waitForCalls(1);
    expect(suite.connector.sent.map((a) => a.text)).toEqual([sv['error.afterWrite']]);
    expect((await deps().decisions.list(meeting.meetingId)).map((d) => d.text)).toEqual([
      'Nätverket ställer sig bakom uppdraget.',
    ]);
    // Nothing stored before the failure: the apology says so, as before.
    suite.connector.reset();
    suite.connector.failures = [403];
    await say('närvaro', SARA);
    await suite.connector.waitForCalls(1);
    expect(suite.connector.sent.map((a) => a.text)).toEqual([sv['error.apology']]);
  });

  it('"närvaro" is a card whose headings stand on their own, not Markdown glued to the list', async () => {
    await deps().roster.setOrganisation(network.networkId, SARA.id, 'Kungälv');
    await deps().roster.setOrganisation(network.networkId, ANDERS.id, 'Ale');
    const meeting = await planned();
    await say('starta möte');
    for (const member of [SARA, ANDERS])
      await press(
        'attendance.checkIn',
        { networkId: network.networkId, meetingId: meeting.meetingId },
        member,
      );
    const card = attachmentCard(await say('närvaro', SARA));
    expect(cardProblems(card ?? {})).toEqual([]);
    const body = (card as { body: { type: string; items?: { type: string; text?: string }[] }[] }).body;
    // Each section is its own container whose first element is the heading, bold and alone.
    const headings = body
      .filter((element) => element.type === 'Container')
      .map((section) => section.items?.[0]);
    expect(headings.map((h) => [h?.type, h?.text])).toEqual([
      ['TextBlock', 'NÄRVARANDE'],
      ['TextBlock', 'GÄSTER'],
      ['TextBlock', 'EJ NÄRVARANDE'],
    ]);
    expect(cardTexts(card)).toEqual([
      'Närvaro, Nätverksmöte november',
      'NÄRVARANDE',
      'Ale',
      'Anders Holm',
      'Kungälv',
      'Sara Lind',
      'GÄSTER',
      'ingen',
      'EJ NÄRVARANDE',
      'Johan Berg',
      'Karin Ek',
    ]);
  });

  it('a guest added with "gäst" and again on the card (case and spaces aside) is one entry', async () => {
    const meeting = await planned();
    await say('gäst Eva Ström, Kungälv');
    await say('gäst eva  ström, kungälv');
    expect((await deps().roster.list(network.networkId)).filter((m) => m.guest)).toHaveLength(1);
    await say('starta möte');
    const ref = { networkId: network.networkId, meetingId: meeting.meetingId };
    await press('attendance.addGuest', { ...ref, name: 'Eva  Ström', organisation: 'kungälv', items: '' });
    await press('attendance.addGuest', { ...ref, name: 'EVA STRÖM', items: '1' });
    const guests = (await deps().attendance.list(meeting.meetingId)).filter((a) => a.guest);
    expect(guests).toHaveLength(1);
    await press('attendance.addGuest', { ...ref, name: 'Eva Ström', organisation: 'Kungälv', items: '1' });
    expect((await deps().attendance.list(meeting.meetingId)).filter((a) => a.guest)).toHaveLength(1);
    const listed = cardTexts(attachmentCard(await say('närvaro', SARA)));
    expect(listed.filter((line) => /eva\s+ström/i.test(line))).toEqual(['Eva Ström, Kungälv, punkt 1']);
  });

  it('"uppföljning" in the personal chat lists my own open follow-ups across my networks, as cards', async () => {
    const other = await setUpNetwork(suite.bot, suite.connector, `19:faults-other-${counter}@thread.v2`, {
      chairs: KARIN.aadObjectId,
      name: 'Äldreomsorgschefer',
    });
    for (const chat of [network, other]) {
      const meeting = meetingStarting(chat.networkId, new Date(Date.now() + 3600_000));
      await deps().meetings.create(meeting);
      const inChat = chatMember(suite, () => chat);
      await inChat.say('starta möte');
      await inChat.say('uppgift <at>Sara Lind</at> skickar underlaget senast 31 december 2035');
      await inChat.say('uppgift <at>Anders Holm</at> bokar lokal senast 30 december 2035');
    }
    const personal = chatMember(suite, () => ({
      conversation: { conversationType: 'personal', tenantId: 't', id: `a:personal-sara-${counter}` },
    }));
    await personal.say('uppföljning', SARA);
    // Only what went to Sara's personal chat (a late answer to an earlier command may arrive meanwhile).
    const toSara = () =>
      suite.connector.calls.filter(
        (c) => c.conversationId === `a:personal-sara-${counter}` && c.method === 'POST',
      );
    const sent = (
      await eventually("the list and two cards in Sara's chat", () => toSara().length >= 3 && toSara())
    ).map((c) => c.body);
    expect(sent[0]?.text).toBe('**Dina öppna uppgifter i alla nätverk** (2)');
    const cards = sent.slice(1).map((a) => cardTexts(attachmentCard(a)));
    expect(cards).toHaveLength(2);
    expect(cards.map((texts) => texts.find((t) => t.startsWith('Nätverk:')))).toEqual(
      expect.arrayContaining(['Nätverk: Socialchefsnätverket', 'Nätverk: Äldreomsorgschefer']),
    );
    for (const texts of cards) {
      expect(texts).toEqual(expect.arrayContaining(['Klar', 'Ändra datum']));
      expect(texts.join(' ')).not.toContain('bokar lokal');
    }
  });

  it('shows item durations on the agenda card with each item’s time counted from the start', async () => {
    await planned({
      items: [
        { title: 'Inledning', presenters: [], guests: [], slides: false, minutes: 15 },
        { title: 'Nära vård', presenters: ['Lena Holmlund'], guests: [], slides: false, minutes: 45 },
        { title: 'Övrigt', presenters: [], guests: [], slides: false },
      ],
    });
    const texts = cardTexts(attachmentCard(await say('dagordning')));
    expect(texts).toEqual(
      expect.arrayContaining(['kl. 09:00–09:15', 'kl. 09:15–10:00 · Lena Holmlund', 'kl. 10:00']),
    );
  });

  it('lists chairs first among those Teams refreshes the agenda for, however many members', async () => {
    const many = Array.from({ length: 70 }, (_, i) => ({
      id: `29:1member${i}`,
      name: `Anna ${String(i).padStart(2, '0')}`,
      aadObjectId: `0b1c2d3e-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
    }));
    const chatId = `19:faults-many-${counter}@thread.v2`;
    suite.connector.members.set(chatId, [...many, KARIN]);
    network = await setUpNetwork(suite.bot, suite.connector, chatId, { chairs: KARIN.aadObjectId });
    chat.use(network);
    await planned();
    const card = attachmentCard(await say('dagordning')) as { refresh?: { userIds: string[] } };
    expect(card.refresh?.userIds).toHaveLength(60);
    expect(card.refresh?.userIds[0]).toBe(KARIN.id);
  });
});
