import { randomUUID } from 'node:crypto';
import { networkIdForConversation } from '../../src/domain/conversation';
import { sv } from '../../src/i18n/sv';
import { DAY_MS, meetingStarting } from '../fixtures/meeting';
import { ANDERS, GROUP_CHAT_MEMBERS, JOHAN, KARIN, SARA, fromMember } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardAction, cardTexts, inputValue, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';
import { cardProblems } from '../helpers/validate-card';

const EVA = { id: '29:1eva', name: 'Eva Ström', aadObjectId: '0b1c2d3e-0000-4000-8000-000000000005' };

describe('the roster: organisations, members joining and leaving, guests', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let chatId = '';
  let network: Awaited<ReturnType<typeof setUpNetwork>>;

  const member = chatMember(suite, () => network);
  const { say } = member;
  // Roster cards carry the network; Johan, a member, presses unless someone else is named.
  const press = (verb: string, data: Record<string, unknown>, from = JOHAN) =>
    member.press(verb, { networkId: network.networkId, ...data }, from);
  const membership = async (change: 'membersAdded' | 'membersRemoved', members: { id: string }[]) => {
    suite.connector.reset();
    await postActivity(
      suite.bot,
      teamsActivity('conversation-update-bot-added-group-chat', suite.connector.serviceUrl, {
        id: `f:${randomUUID()}`,
        membersAdded: change === 'membersAdded' ? members : undefined,
        membersRemoved: change === 'membersRemoved' ? members : undefined,
        conversation: network.conversation,
      }),
    );
  };
  const roster = () => suite.bot.deps.roster.list(network.networkId);

  beforeEach(async () => {
    counter += 1;
    chatId = `19:roster-${counter}@thread.v2`;
    suite.connector.reset();
    network = await setUpNetwork(suite.bot, suite.connector, chatId);
  });

  it('asks everyone for their organisation once the network is set up', async () => {
    counter += 1;
    const fresh = `19:roster-fresh-${counter}@thread.v2`;
    suite.connector.members.set(fresh, GROUP_CHAT_MEMBERS);
    const conversation = { isGroup: true, conversationType: 'groupChat', tenantId: 't', id: fresh };
    await postActivity(
      suite.bot,
      teamsActivity('installation-update-group-chat', suite.connector.serviceUrl, { conversation }),
    );
    await suite.connector.waitForCalls(2);
    suite.connector.reset();
    await postActivity(
      suite.bot,
      cardAction(
        suite.connector.serviceUrl,
        'network.setup.save',
        {
          networkId: networkIdForConversation(fresh),
          name: 'N',
          chairs: KARIN.aadObjectId,
          language: 'sv',
          timeZone: 'Europe/Stockholm',
          agendaLeadDays: '7',
        },
        { conversation, from: fromMember(KARIN) },
      ),
    );
    const ask = suite.connector.sent
      .map(attachmentCard)
      .find((card) => cardTexts(card).includes(sv['organisation.ask.title']));
    expect(ask).toBeDefined();
    expect(cardProblems(ask ?? {})).toEqual([]);
  });

  it("stores a member's own organisation, and the agenda tally groups by it", async () => {
    expect((await press('member.organisation.self', { organisation: ' Kungälv ' })).value).toBe(
      'Tack, Johan Berg: du står nu som Kungälv.',
    );
    expect((await suite.bot.deps.roster.get(network.networkId, JOHAN.id))?.organisation).toBe('Kungälv');

    const { meetingId } = await suite.bot.deps.meetings
      .create(meetingStarting(network.networkId, new Date(Date.now() + 10 * DAY_MS)))
      .then((saved) => saved.meeting);
    await press('rsvp.answer', { meetingId, answer: 'yes' }, JOHAN);
    const chairView = await press('rsvp.answer', { meetingId, answer: 'no' }, KARIN);
    const facts = JSON.stringify(chairView.value);
    expect(facts).toContain('{"title":"Kungälv","value":"1 kommer, 0 ersättare, 0 kommer inte"}');
    expect(facts).toContain(
      '{"title":"Organisation ej angiven","value":"0 kommer, 0 ersättare, 1 kommer inte"}',
    );
  });

  it('refuses an empty organisation and a card from another network, writing nothing', async () => {
    expect((await press('member.organisation.self', { organisation: '  ' })).value).toBe(
      sv['organisation.required'],
    );
    expect((await press('member.organisation.self', { organisation: 'Ale', networkId: 'net-x' })).value).toBe(
      sv['card.stale'],
    );
    expect((await roster()).every((m) => !m.organisation)).toBe(true);
  });

  it('follows members joining (asking newcomers) and leaving, and keeps guests', async () => {
    await suite.bot.deps.roster.addGuest(network.networkId, { name: 'Leif Sandsjö', organisation: 'GR' });
    suite.connector.members.set(chatId, [...GROUP_CHAT_MEMBERS, EVA]);
    await membership('membersAdded', [{ id: EVA.id }]);
    await suite.connector.waitForCalls(1);
    expect(cardTexts(attachmentCard(suite.connector.sent[0] ?? {}))).toContain(
      'Välkommen till nätverket, Eva Ström! Vilken organisation företräder du?',
    );
    expect((await roster()).map((m) => m.name).sort()).toEqual([
      'Anders Holm',
      'Eva Ström',
      'Johan Berg',
      'Karin Ek',
      'Leif Sandsjö',
      'Sara Lind',
    ]);

    suite.connector.members.set(chatId, [KARIN, JOHAN, SARA, EVA]);
    await membership('membersRemoved', [{ id: ANDERS.id }]);
    await suite.bot.idle();
    expect(suite.connector.sent).toEqual([]);
    expect((await roster()).map((m) => m.name).sort()).toEqual([
      'Eva Ström',
      'Johan Berg',
      'Karin Ek',
      'Leif Sandsjö',
      'Sara Lind',
    ]);
  });

  it('lets a chair correct organisations on one card, ignoring members not on the roster', async () => {
    const card = attachmentCard(await say('organisationer'));
    expect(cardProblems(card ?? {})).toEqual([]);
    const ids = (card as { actions: { data: { members: string[] } }[] }).actions[0]?.data.members ?? [];
    const names = (await roster()).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    expect(ids).toEqual(names.map((m) => m.userId));
    const values = Object.fromEntries(ids.map((_, i) => [`org-${i}`, i === 0 ? 'Partille' : '']));
    const body = await press(
      'member.organisation.edit',
      { members: [...ids, '29:not-a-member'], ...values, [`org-${ids.length}`]: 'X' },
      KARIN,
    );
    expect(cardTexts(body.value)).toContain(sv['organisations.saved']);
    expect(inputValue(body.value, 'org-0')).toBe('Partille');
    expect((await roster()).filter((m) => m.organisation).map((m) => [m.name, m.organisation])).toEqual([
      ['Anders Holm', 'Partille'],
    ]);
  });

  it('refuses members who are neither chair nor secretary', async () => {
    expect((await say('organisationer', ANDERS)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek) kan rätta organisationer och lägga till gäster.',
    );
    expect((await press('member.organisation.edit', { members: [] }, ANDERS)).value).toBe(
      'Bara ordförande och sekreterare (Karin Ek) kan rätta organisationer och lägga till gäster.',
    );
  });

  it('adds a guest without a Teams account by name and organisation', async () => {
    expect((await say('gäst Theresa Larsen, FoU i Väst')).text).toBe(
      'Theresa Larsen, FoU i Väst är tillagd som gäst i nätverket.',
    );
    expect(await roster()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Theresa Larsen', organisation: 'FoU i Väst', guest: true }),
      ]),
    );
    expect((await say('gäst Theresa Larsen')).text).toBe(sv['guest.usage']);
    expect((await say('gäst Eva, Ale', JOHAN)).text).toMatch(/^Bara ordförande och sekreterare/);
  });
});
