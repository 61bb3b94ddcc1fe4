import { networkIdForConversation } from '../../src/domain/conversation';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';
import { ANDERS, GROUP_CHAT_MEMBERS, JOHAN, KARIN, SARA, fromMember } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { attachmentCard, cardAction, cardTexts, inputValue, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';
import { cardProblems } from '../helpers/validate-card';

type InvokeBody = { statusCode: number; type: string; value: unknown };

describe('network setup', () => {
  const suite = withBotAndConnector();
  let chatCounter = 0;
  let chatId = '';
  const networkId = () => networkIdForConversation(chatId);
  const conversation = () => ({ isGroup: true, conversationType: 'groupChat', tenantId: 't', id: chatId });

  const install = async () => {
    await postActivity(
      suite.bot,
      teamsActivity('installation-update-group-chat', suite.connector.serviceUrl, {
        conversation: conversation(),
      }),
    );
    await suite.connector.waitForCalls(2);
    return attachmentCard(suite.connector.sent[1] ?? {});
  };
  const save = async (
    fields: Record<string, string>,
    from = KARIN,
    overrides: Record<string, unknown> = {},
  ) => {
    const data = { networkId: networkId(), ...fields };
    const response = await postActivity(
      suite.bot,
      cardAction(suite.connector.serviceUrl, 'network.setup.save', data, {
        conversation: conversation(),
        from: fromMember(from),
        ...overrides,
      }),
    );
    expect(response.status).toBe(200);
    return response.body as InvokeBody;
  };
  const validForm = {
    name: 'Socialchefsnätverket',
    chairs: `${KARIN.aadObjectId},${JOHAN.aadObjectId}`,
    secretary: SARA.aadObjectId,
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    agendaLeadDays: '10',
  };
  const stored = async () => (await suite.bot.deps.networks.get(networkId()))!;

  beforeEach(() => {
    chatCounter += 1;
    chatId = `19:network-setup-${chatCounter}@thread.v2`;
    suite.connector.members.set(chatId, GROUP_CHAT_MEMBERS);
  });

  it('on install posts a valid setup card listing the chat members, with the installer as chair', async () => {
    const card = await install();
    expect(cardProblems(card ?? {})).toEqual([]);
    const texts = cardTexts(card);
    expect(texts).toEqual(
      expect.arrayContaining([
        sv['network.setup.title'],
        'Karin Ek',
        'Johan Berg',
        'Sara Lind',
        'Anders Holm',
      ]),
    );
    expect(JSON.stringify(card)).toContain(`"value":"${KARIN.aadObjectId}"`);
    expect((await stored()).network).toMatchObject({
      status: 'pending',
      settings: { chairs: [{ aadObjectId: KARIN.aadObjectId }] },
    });
  });

  it('saves a valid form: names from Teams, summary for everyone in the chat, in the chosen language', async () => {
    await install();
    const body = await save({ ...validForm, language: 'en' });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(body.value)).toEqual(
      expect.arrayContaining([
        'Network Socialchefsnätverket',
        'Karin Ek, Johan Berg',
        'Sara Lind',
        'English',
        '10 days before the meeting',
        // A form without the retention field (older cards) keeps the default.
        '36 months after the meeting',
      ]),
    );
    const { network } = await stored();
    expect(network).toMatchObject({
      status: 'active',
      settings: {
        name: 'Socialchefsnätverket',
        chairs: [
          { aadObjectId: KARIN.aadObjectId, name: 'Karin Ek' },
          { aadObjectId: JOHAN.aadObjectId, name: 'Johan Berg' },
        ],
        secretary: { aadObjectId: SARA.aadObjectId, name: 'Sara Lind' },
        language: 'en',
        agendaLeadDays: 10,
      },
    });
    const update = suite.connector.calls.find((c) => c.method === 'PUT');
    expect(update?.path).toContain('/activities/1763630145123');
    // From now on the network's language wins over the client's Swedish locale.
    suite.connector.reset();
    await postActivity(
      suite.bot,
      teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
        conversation: conversation(),
      }),
    );
    await suite.connector.waitForCalls(1);
    expect(cardTexts(attachmentCard(suite.connector.sent[0] ?? {}))).toContain(en['help.title']);
  });

  it('while pending, whoever sets the network up becomes a chair', async () => {
    await install();
    await save({ ...validForm, chairs: JOHAN.aadObjectId }, ANDERS);
    expect((await stored()).network.settings.chairs.map((c) => c.name)).toEqual([
      'Anders Holm',
      'Johan Berg',
    ]);
  });

  it('refuses a member who is not a chair once the network is set up, and writes nothing', async () => {
    await install();
    await save(validForm);
    const before = await stored();
    const body = await save({ ...validForm, name: 'Kapat' }, ANDERS);
    expect(body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Bara nätverkets ordförande (Karin Ek, Johan Berg) kan ändra inställningarna.',
    });
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['an empty name', { name: '  ' }, 'namn (1–100 tecken)'],
    ['a name over 100 characters', { name: 'Å'.repeat(101) }, 'namn (1–100 tecken)'],
    ['no chair', { chairs: '' }, 'minst en ordförande'],
    ['zero days', { agendaLeadDays: '0' }, 'dagar före mötet (1–60)'],
    [
      'a retention of 3 months',
      { retentionMonths: '3' },
      'månader att spara mötesuppgifter (0, eller 6–240)',
    ],
    [
      'a retention of 300 months',
      { retentionMonths: '300' },
      'månader att spara mötesuppgifter (0, eller 6–240)',
    ],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'tidszon'],
  ])(
    'returns the form with what to correct for %s, keeping the typed values, writing nothing',
    async (_label, change, field) => {
      await install();
      const before = await stored();
      const body = await save({ ...validForm, ...change });
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardTexts(body.value)).toContain(`Rätta det här och spara igen: ${field}.`);
      for (const [id, typed] of Object.entries(change)) expect(inputValue(body.value, id)).toBe(typed);
      expect(await stored()).toEqual(before);
    },
  );

  it('refuses chairs who are not members of the chat (a tampered card)', async () => {
    await install();
    const body = await save({ ...validForm, chairs: '99999999-0000-4000-8000-000000000000' });
    expect(cardTexts(body.value)).toContain(sv['network.setup.notMember']);
    expect((await stored()).network.status).toBe('pending');
  });

  it('treats a card of another network, or an unknown language, as stale', async () => {
    await install();
    const otherNetwork = await postActivity(
      suite.bot,
      cardAction(
        suite.connector.serviceUrl,
        'network.setup.save',
        { ...validForm, networkId: networkIdForConversation('19:elsewhere@thread.v2') },
        {
          conversation: conversation(),
          from: fromMember(KARIN),
        },
      ),
    );
    expect((otherNetwork.body as InvokeBody).value).toBe(sv['card.stale']);
    const badLanguage = await save({ ...validForm, language: 'de' });
    expect(cardTexts(badLanguage.value)).toContain('Rätta det här och spara igen: språk.');
    expect((await stored()).network.status).toBe('pending');
  });

  it('lets one of two chairs saving at once win; the other gets the latest settings back, nothing lost', async () => {
    await install();
    await save(validForm);
    const [a, b] = await Promise.all([
      save({ ...validForm, name: 'Namn A' }, KARIN),
      save({ ...validForm, name: 'Namn B' }, JOHAN),
    ]);
    const cards = [a, b].map((body) => cardTexts(body.value));
    const conflicts = cards.filter((texts) => texts.includes(sv['network.setup.conflict']));
    expect(conflicts).toHaveLength(1);
    const winner = (await stored()).network.settings.name;
    expect(['Namn A', 'Namn B']).toContain(winner);
    expect(JSON.stringify(conflicts[0])).toContain(winner);
  });

  it('"inställningar" shows the card to a chair, refuses others, and explains itself in a personal chat', async () => {
    await install();
    await save(validForm);
    const say = async (from: typeof KARIN, conv = conversation()) => {
      suite.connector.reset();
      await postActivity(
        suite.bot,
        teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
          text: '<at>Anteckna</at> inställningar',
          from: fromMember(from),
          conversation: conv,
        }),
      );
      await suite.connector.waitForCalls(1);
      return suite.connector.sent[0] ?? {};
    };
    expect(cardTexts(attachmentCard(await say(JOHAN)))).toContain(sv['network.setup.title']);
    expect((await say(ANDERS)).text).toBe(
      'Bara nätverkets ordförande (Karin Ek, Johan Berg) kan ändra inställningarna.',
    );
    expect(
      (await say(KARIN, { conversationType: 'personal', tenantId: 't', id: 'a:personal-karin' } as never))
        .text,
    ).toBe(sv['network.setup.personalChat']);
  });

  it('reads every member through the paged member API', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      id: `29:m${i}`,
      name: `Medlem ${String(i).padStart(3, '0')}`,
      aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    suite.connector.members.set(chatId, [KARIN, ...many]);
    const card = await install();
    expect(cardTexts(card)).toEqual(expect.arrayContaining(['Medlem 000', 'Medlem 249']));
    expect(await suite.bot.deps.roster.list(networkId())).toHaveLength(251);
  });

  it('says Teams is not answering when the member API fails, and writes no roster', async () => {
    suite.connector.memberFailures = [403, 403];
    await postActivity(
      suite.bot,
      teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
        text: '<at>Anteckna</at> inställningar',
        conversation: conversation(),
        from: fromMember(KARIN),
      }),
    );
    await suite.connector.waitForCalls(1);
    expect(suite.connector.sent[0]?.text).toBe(sv['error.TeamsUnavailable']);
    expect(await suite.bot.deps.roster.list(networkId())).toEqual([]);
  });
});
