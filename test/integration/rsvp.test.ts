import { randomUUID } from 'node:crypto';
import type { Meeting } from '../../src/domain/meeting';
import { sv } from '../../src/i18n/sv';
import { DAY_MS, meetingStarting as meetingAt } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, SARA, fromMember } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { setUpNetwork } from '../helpers/network-setup';
import { cardAction, cardTexts } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';
import { cardProblems } from '../helpers/validate-card';

type InvokeBody = { statusCode: number; type: string; value: unknown };

describe('answering the agenda card', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  let meeting: Meeting;

  const meetingStarting = (startsAt: Date, status: Meeting['status'] = 'planned'): Meeting =>
    meetingAt(network.networkId, startsAt, { status });
  const answer = async (
    data: Record<string, unknown>,
    from: { id: string; name: string; aadObjectId: string } = JOHAN,
  ) => {
    const response = await postActivity(
      suite.bot,
      cardAction(
        suite.connector.serviceUrl,
        'rsvp.answer',
        { networkId: network.networkId, meetingId: meeting.meetingId, ...data },
        {
          conversation: network.conversation,
          from: fromMember(from),
        },
      ),
    );
    expect(response.status).toBe(200);
    return response.body as InvokeBody;
  };
  const stored = () => suite.bot.deps.rsvps.list(meeting.meetingId);

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:rsvp-${counter}@thread.v2`);
    meeting = meetingStarting(new Date(Date.now() + 30 * 24 * 3600_000));
    await suite.bot.deps.meetings.create(meeting);
  });

  it('stores the answer of the member who pressed and shows it to them alone', async () => {
    const body = await answer({ answer: 'yes' });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(body.value as object)).toEqual([]);
    expect(cardTexts(body.value)).toContain(sv['rsvp.answer.yes']);
    expect(await stored()).toEqual([
      expect.objectContaining({
        aadObjectId: JOHAN.aadObjectId,
        userId: JOHAN.id,
        name: 'Johan Berg',
        answer: 'yes',
      }),
    ]);
    // A personal view is never pushed to the shared message.
    expect(suite.connector.calls).toEqual([]);
  });

  it('lets a member change their answer until the meeting starts, keeping one document', async () => {
    await answer({ answer: 'yes' });
    const body = await answer({ answer: 'no' });
    expect(cardTexts(body.value)).toContain(sv['rsvp.answer.no']);
    expect((await stored()).map((r) => r.answer)).toEqual(['no']);
  });

  it('records a substitute with name and organisation, and refuses one without', async () => {
    expect((await answer({ answer: 'substitute', substituteName: 'Eva Ström' })).value).toBe(
      sv['rsvp.substituteRequired'],
    );
    expect(await stored()).toEqual([]);
    const body = await answer({
      answer: 'substitute',
      substituteName: ' Eva Ström ',
      substituteOrganisation: 'Kungälv',
    });
    expect(cardTexts(body.value)).toContain('Ditt svar: Eva Ström, Kungälv kommer i ditt ställe.');
    expect(await stored()).toEqual([
      expect.objectContaining({
        answer: 'substitute',
        substitute: { name: 'Eva Ström', organisation: 'Kungälv' },
      }),
    ]);
  });

  it('shows a chair the tally and who has not answered; a member sees only their own answer', async () => {
    await answer({ answer: 'yes' }, JOHAN);
    await answer({ answer: 'no' }, SARA);
    const chair = cardTexts((await answer({ answer: 'yes' }, KARIN)).value);
    expect(chair).toEqual(
      expect.arrayContaining([
        sv['rsvp.tallyHeading'],
        'Svar: 2 kommer, 0 skickar ersättare, 1 kommer inte, 1 har inte svarat.',
        'Har inte svarat: Anders Holm',
      ]),
    );
    const member = cardTexts((await answer({ answer: 'yes' }, ANDERS)).value);
    expect(member.some((text) => text.startsWith('Svar:') || text.startsWith('Har inte svarat'))).toBe(false);
  });

  it('refreshes the card for a member with their own answer, writing nothing', async () => {
    await answer({ answer: 'no' });
    const response = await postActivity(
      suite.bot,
      cardAction(
        suite.connector.serviceUrl,
        'rsvp.view',
        { networkId: network.networkId, meetingId: meeting.meetingId },
        {
          conversation: network.conversation,
          from: fromMember(JOHAN),
        },
      ),
    );
    expect(cardTexts((response.body as InvokeBody).value)).toContain(sv['rsvp.answer.no']);
    expect(await stored()).toHaveLength(1);
  });

  it.each([
    ['another user id in the data', { answer: 'yes', aadObjectId: KARIN.aadObjectId }],
    ['an unknown answer', { answer: 'maybe' }],
    ['an unknown meeting', { answer: 'yes', meetingId: randomUUID() }],
    ['another network', { answer: 'yes', networkId: 'net-elsewhere' }],
  ])('treats a card with %s as stale and writes nothing', async (_label, data) => {
    expect((await answer(data)).value).toBe(sv['card.stale']);
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['has started', () => meetingStarting(new Date(Date.now() - 3600_000))],
    ['is cancelled', () => meetingStarting(new Date(Date.now() + 24 * 3600_000), 'cancelled')],
  ])('refuses answers once the meeting %s', async (_label, make) => {
    meeting = make();
    await suite.bot.deps.meetings.create(meeting);
    expect((await answer({ answer: 'yes' })).value).toBe(sv['rsvp.closed']);
    expect(await stored()).toEqual([]);
  });

  it('stores 500 concurrent answers from 500 members exactly once, and still 500 when all are delivered again', async () => {
    const members = Array.from({ length: 500 }, (_, i) => ({
      id: `29:storm-${i}`,
      name: `Medlem ${i}`,
      aadObjectId: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
    }));
    const storm = () => Promise.all(members.map((m, i) => answer({ answer: i % 3 === 0 ? 'no' : 'yes' }, m)));
    const first = await storm();
    expect(first.every((body) => body.type === 'application/vnd.microsoft.card.adaptive')).toBe(true);
    let rsvps = await stored();
    expect(rsvps).toHaveLength(500);
    expect(new Set(rsvps.map((r) => r.aadObjectId)).size).toBe(500);
    expect(rsvps.filter((r) => r.answer === 'no')).toHaveLength(167);

    await storm();
    rsvps = await stored();
    expect(rsvps).toHaveLength(500);
    expect(new Set(rsvps.map((r) => r.aadObjectId)).size).toBe(500);
  }, 120_000);
});

describe('reminding members who have not answered', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  let meetingId = '';

  const press = async (verb: string, data: Record<string, unknown>, from: typeof KARIN) => {
    const response = await postActivity(
      suite.bot,
      cardAction(
        suite.connector.serviceUrl,
        verb,
        { networkId: network.networkId, meetingId, ...data },
        {
          conversation: network.conversation,
          from: fromMember(from),
        },
      ),
    );
    return response.body as InvokeBody;
  };

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:nudge-${counter}@thread.v2`);
    const meeting = meetingAt(network.networkId, new Date(Date.now() + 5 * DAY_MS), { items: [] });
    meetingId = meeting.meetingId;
    await suite.bot.deps.meetings.create(meeting);
  });

  it('offers the chair a reminder button and mentions exactly those who have not answered, once an hour', async () => {
    await press('rsvp.answer', { answer: 'yes' }, JOHAN);
    const chairView = await press('rsvp.answer', { answer: 'yes' }, KARIN);
    expect(cardTexts(chairView.value)).toContain(sv['rsvp.nudge']);
    suite.connector.reset();
    expect((await press('rsvp.nudge', {}, KARIN)).value).toBe('Påminnelse skickad till 2 som inte svarat.');
    const [reminder] = suite.connector.sent;
    expect(reminder?.text).toMatch(
      /^Påminnelse om Nätverksmöte .*: svara gärna på dagordningen ovan, <at>Anders Holm<\/at>, <at>Sara Lind<\/at>\.$/,
    );
    expect(reminder?.entities).toEqual([
      { type: 'mention', text: '<at>Anders Holm</at>', mentioned: { id: ANDERS.id, name: 'Anders Holm' } },
      { type: 'mention', text: '<at>Sara Lind</at>', mentioned: { id: SARA.id, name: 'Sara Lind' } },
    ]);
    expect((await press('rsvp.nudge', {}, KARIN)).value).toBe(sv['rsvp.nudgeTooSoon']);
    expect(suite.connector.sent).toHaveLength(1);
  });

  it('refuses a member who is not a chair, and does not show them the button', async () => {
    expect(cardTexts((await press('rsvp.answer', { answer: 'yes' }, JOHAN)).value)).not.toContain(
      sv['rsvp.nudge'],
    );
    suite.connector.reset();
    expect((await press('rsvp.nudge', {}, JOHAN)).value).toBe(
      'Bara nätverkets ordförande (Karin Ek) kan planera och ändra möten.',
    );
    expect(suite.connector.sent).toEqual([]);
  });
});
