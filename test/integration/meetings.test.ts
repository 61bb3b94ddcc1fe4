import { sv } from '../../src/i18n/sv';
import { ANDERS, JOHAN, KARIN } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts, inputValue } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

const NEXT_YEAR = new Date().getUTCFullYear() + 1;

describe('planning meetings and posting the agenda', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;

  const { say, press } = chatMember(suite, () => network);
  const form = (fields: Record<string, string> = {}) => ({
    networkId: network.networkId,
    meetingId: '',
    title: 'Nätverksmöte december',
    when: `${NEXT_YEAR}-03-15 9-12`,
    mode: 'digital',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    place: '',
    agenda:
      '1. Aktuellt läge – Lena Holmlund (bilder finns)\n2. Nära vård – Anna Haglund gäster: Theresa Larsen',
    ...fields,
  });
  const upcoming = () => suite.bot.deps.meetings.upcoming(network.networkId, new Date());

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:meetings-${counter}@thread.v2`);
  });

  it('"nytt möte" gives a chair the form, and refuses a member who is not a chair', async () => {
    const card = attachmentCard(await say('nytt möte'));
    expect(cardProblems(card ?? {})).toEqual([]);
    expect(cardTexts(card)).toContain(sv['meeting.form.title']);
    expect((await say('nytt möte', ANDERS)).text).toBe(
      'Bara nätverkets ordförande (Karin Ek) kan planera och ändra möten.',
    );
  });

  it('saves a meeting: Stockholm time stored as UTC, agenda numbered with presenters, slides and guests', async () => {
    const body = await press('meeting.save', form());
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(body.value as object)).toEqual([]);
    const texts = cardTexts(body.value);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Nätverksmöte december',
        '1',
        'Aktuellt läge (bilder finns)',
        'Lena Holmlund',
        '2',
        'Nära vård',
        'Anna Haglund · Gäster: Theresa Larsen',
      ]),
    );
    expect(texts.some((text) => text.endsWith(`15 mars ${NEXT_YEAR} kl. 09:00–12:00`))).toBe(true);
    // Seven days ahead, at the meeting's own time of day.
    expect(
      texts.some((text) =>
        /^Mötet är sparat\. Dagordningen skickas till chatten \S+ 8 mars \d{4} kl\. 09:00;/.test(text),
      ),
    ).toBe(true);
    const [meeting] = await upcoming();
    expect(meeting).toMatchObject({
      title: 'Nätverksmöte december',
      startsAt: `${NEXT_YEAR}-03-15T08:00:00.000Z`,
      endsAt: `${NEXT_YEAR}-03-15T11:00:00.000Z`,
      timeZone: 'Europe/Stockholm',
      status: 'planned',
      items: [
        { title: 'Aktuellt läge', presenters: ['Lena Holmlund'], slides: true, guests: [] },
        { title: 'Nära vård', presenters: ['Anna Haglund'], slides: false, guests: ['Theresa Larsen'] },
      ],
    });
  });

  it.each([
    [
      'a date in the past',
      { when: '3 mars 2025 9-12' },
      '”3 mars 2025 9-12” förstod jag som måndag 3 mars 2025 kl. 09:00–12:00, och det har redan varit.',
    ],
    ['no times', { when: `${NEXT_YEAR}-03-15` }, 'Ange både start- och sluttid'],
    ['a week instead of a day', { when: 'v 10' }, 'Vilken dag?'],
    ['an unreadable date', { when: 'snart' }, 'Jag kunde inte läsa ”snart” som ett datum.'],
    [
      'an over-long title',
      { title: 'x'.repeat(151) },
      'Rätta det här och spara igen: rubrik (1–150 tecken).',
    ],
    ['no title', { title: '' }, 'Rätta det här och spara igen: rubrik (1–150 tecken).'],
    [
      'an in-person meeting without a place',
      { mode: 'physical', joinUrl: '' },
      sv['meeting.error.placeRequired'],
    ],
    [
      'a join link that is not Teams',
      { joinUrl: 'https://evil.example/teams.microsoft.com' },
      sv['meeting.error.joinUrl'],
    ],
    ['an agenda line without a title', { agenda: 'OK\n– Lena Holmlund' }, 'Dagordningen, rad 2:'],
  ])(
    'returns the form for %s, saying what is wrong, keeping the input, writing nothing',
    async (_label, change, message) => {
      const body = await press('meeting.save', form(change));
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardTexts(body.value).some((text) => text.includes(message))).toBe(true);
      for (const [id, typed] of Object.entries(change)) expect(inputValue(body.value, id)).toBe(typed);
      expect(await upcoming()).toEqual([]);
    },
  );

  it('refuses a non-chair and an altered card, writing nothing', async () => {
    expect((await press('meeting.save', form(), JOHAN)).value).toBe(
      'Bara nätverkets ordförande (Karin Ek) kan planera och ändra möten.',
    );
    expect((await press('meeting.save', { ...form(), networkId: 'net-other' })).value).toBe(sv['card.stale']);
    expect(
      (await press('meeting.save', { ...form(), meetingId: '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b' })).value,
    ).toBe(sv['card.stale']);
    expect(await upcoming()).toEqual([]);
  });

  it('"möten" lists the upcoming meetings soonest first', async () => {
    await press('meeting.save', form({ title: 'Andra mötet', when: `${NEXT_YEAR}-05-20 13-15` }));
    await press('meeting.save', form({ title: 'Första mötet', when: `${NEXT_YEAR}-02-10 9-12` }));
    const text = String((await say('möten')).text);
    expect(text).toMatch(/^\*\*Kommande möten i Socialchefsnätverket\*\*/);
    expect(text.indexOf('Första mötet')).toBeLessThan(text.indexOf('Andra mötet'));
    expect(text).toContain(`10 februari ${NEXT_YEAR} kl. 09:00–12:00: Första mötet`);
  });

  it('"dagordning" posts the agenda card for all; an edit then updates that card in place', async () => {
    await press('meeting.save', form());
    const posted = attachmentCard(await say('dagordning'));
    expect(cardProblems(posted ?? {})).toEqual([]);
    expect(cardTexts(posted)).toEqual(
      expect.arrayContaining([sv['rsvp.question'], sv['rsvp.yes'], sv['rsvp.no'], sv['rsvp.substitute']]),
    );
    expect((posted as { refresh?: { userIds: string[] } }).refresh?.userIds).toEqual(
      expect.arrayContaining([KARIN.id, JOHAN.id]),
    );
    const postedId = suite.connector.calls[0]?.id;
    const [meeting] = await upcoming();
    expect(meeting?.agendaActivityId).toBe(postedId);

    suite.connector.reset();
    const edited = await press(
      'meeting.save',
      form({ meetingId: meeting?.meetingId ?? '', title: 'Nätverksmöte (ändrat)' }),
    );
    expect(cardTexts(edited.value)).toContain('Nätverksmöte (ändrat)');
    // The posted agenda is updated in place, and the form message (shown to all) becomes the saved agenda.
    expect(suite.connector.calls.map((c) => [c.method, c.path.split('/activities/')[1]]).sort()).toEqual(
      [
        ['PUT', postedId],
        ['PUT', '1763630145123'],
      ].sort(),
    );
    expect(suite.connector.sent).toEqual([]);
    const agendaUpdate = suite.connector.calls.find((c) => c.path.endsWith(`/activities/${postedId}`));
    expect(cardTexts(agendaUpdate?.body.attachments)).toContain('Nätverksmöte (ändrat)');
    expect(await upcoming()).toHaveLength(1);
  });

  it('lets a chair cancel: the posted agenda says so, answers close, nothing is posted later; others are refused', async () => {
    await press('meeting.save', form());
    await say('dagordning');
    const postedId = suite.connector.calls[0]?.id;
    const [meeting] = await upcoming();
    const ref = { networkId: network.networkId, meetingId: meeting?.meetingId ?? '' };

    expect((await press('meeting.cancel', ref, JOHAN)).value).toBe(
      'Bara nätverkets ordförande (Karin Ek) kan planera och ändra möten.',
    );
    suite.connector.reset();
    const body = await press('meeting.cancel', ref);
    expect(cardTexts(body.value)).toContain('Mötet är inställt av Karin Ek. Dagordningen skickas inte ut.');
    expect(cardTexts(body.value)).not.toContain(sv['rsvp.yes']);
    const update = suite.connector.calls.find(
      (c) => c.method === 'PUT' && c.path.endsWith(`/activities/${postedId}`),
    );
    expect(cardTexts(update?.body.attachments)).toEqual(
      expect.arrayContaining([sv['agenda.cancelled'], sv['rsvp.closed']]),
    );

    const stored = (await suite.bot.deps.meetings.get(network.networkId, ref.meetingId))?.meeting;
    expect(stored).toMatchObject({ status: 'cancelled' });
    expect(stored?.agendaDueAt).toBeUndefined();
    expect((await press('rsvp.answer', { ...ref, answer: 'yes' }, JOHAN)).value).toBe(sv['rsvp.closed']);
    expect((await press('meeting.cancel', ref)).value).toBe(sv['meeting.closed']);
    expect(await upcoming()).toEqual([]);
  });

  it('moves the automatic post when chairs change the lead time', async () => {
    await press('meeting.save', form());
    const before = (await upcoming())[0]?.agendaDueAt;
    expect(before).toBe(`${NEXT_YEAR}-03-08T08:00:00.000Z`);
    await press('network.setup.save', {
      networkId: network.networkId,
      name: 'Socialchefsnätverket',
      chairs: KARIN.aadObjectId,
      language: 'sv',
      timeZone: 'Europe/Stockholm',
      agendaLeadDays: '14',
    });
    expect((await upcoming())[0]?.agendaDueAt).toBe(`${NEXT_YEAR}-03-01T08:00:00.000Z`);
  });

  it('adds, reorders and removes agenda items by editing the lines', async () => {
    await press('meeting.save', form({ agenda: 'Ett\nTvå\nTre' }));
    const [meeting] = await upcoming();
    const edit = await press('meeting.edit', {
      networkId: network.networkId,
      meetingId: meeting?.meetingId ?? '',
    });
    expect(inputValue(edit.value, 'agenda')).toBe('Ett\nTvå\nTre');
    await press(
      'meeting.save',
      form({ meetingId: meeting?.meetingId ?? '', agenda: 'Tre – Maria Ljung\nEtt\nFyra (bilder)' }),
    );
    expect((await upcoming())[0]?.items.map((item) => [item.title, item.presenters, item.slides])).toEqual([
      ['Tre', ['Maria Ljung'], false],
      ['Ett', [], false],
      ['Fyra', [], true],
    ]);
  });
});
