import { sv } from '../../src/i18n/sv';
import { DAY_MS, meetingStarting } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

describe('starting a meeting, checking in and the attendance list', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  let meetingId = '';
  const { say, press } = chatMember(suite, () => network);
  const stored = async () => (await suite.bot.deps.meetings.get(network.networkId, meetingId))?.meeting;
  const checkIn = (from = JOHAN, extra: Record<string, unknown> = {}) =>
    press('attendance.checkIn', { networkId: network.networkId, meetingId, ...extra }, from);

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:attendance-${counter}@thread.v2`);
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3600_000), {
      title: 'Nätverksmöte november',
    });
    meetingId = meeting.meetingId;
    await suite.bot.deps.meetings.create(meeting);
  });

  it('"starta möte" by the chair starts the meeting in the hour ahead and posts the check-in card', async () => {
    const card = attachmentCard(await say('starta möte'));
    expect(cardProblems(card ?? {})).toEqual([]);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Nätverksmöte november har börjat', sv['checkIn.button']]),
    );
    expect(await stored()).toMatchObject({ status: 'started', startedAt: expect.any(String) });
    expect((await say('starta möte')).text).toBe('Mötet Nätverksmöte november pågår redan.');
  });

  it('refuses members who are neither chair nor secretary, and says when there is no meeting', async () => {
    expect((await say('starta möte', ANDERS)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek) kan göra det under mötet.',
    );
    expect((await stored())?.status).toBe('planned');
    const far = await setUpNetwork(suite.bot, suite.connector, `19:attendance-far-${counter}@thread.v2`);
    await suite.bot.deps.meetings.create(meetingStarting(far.networkId, new Date(Date.now() + 3 * DAY_MS)));
    network = far;
    expect((await say('starta möte')).text).toBe(sv['meeting.noCurrent']);
  });

  it('checks members in once, by who pressed; closed before the start and after the end', async () => {
    expect((await checkIn()).value).toBe(sv['checkIn.closed']);
    await say('starta möte');
    expect((await checkIn()).value).toBe('Tack, Johan Berg: du är registrerad som närvarande.');
    await checkIn();
    expect(await suite.bot.deps.attendance.list(meetingId)).toEqual([
      expect.objectContaining({
        personKey: JOHAN.aadObjectId,
        name: 'Johan Berg',
        present: true,
        sources: ['checkIn'],
      }),
    ]);
    expect((await checkIn(JOHAN, { aadObjectId: KARIN.aadObjectId })).value).toBe(sv['card.stale']);
    await say('avsluta möte');
    expect((await checkIn(SARA)).value).toBe(sv['checkIn.closed']);
    expect(await suite.bot.deps.attendance.list(meetingId)).toHaveLength(1);
  });

  it('"närvaro" lists present by organisation and who is missing, like the minutes', async () => {
    await suite.bot.deps.roster.setOrganisation(network.networkId, JOHAN.id, 'Kungälv');
    await suite.bot.deps.roster.setOrganisation(network.networkId, SARA.id, 'Ale');
    await say('starta möte');
    await checkIn(JOHAN);
    await checkIn(SARA);
    expect((await say('närvaro', ANDERS)).text).toBe(
      [
        '**Närvaro, Nätverksmöte november**',
        '',
        '**NÄRVARANDE**',
        '_Ale_',
        '- Sara Lind, Ale',
        '_Kungälv_',
        '- Johan Berg, Kungälv',
        '',
        '**GÄSTER**',
        '- ingen',
        '',
        '**EJ NÄRVARANDE**',
        '- Anders Holm',
        '- Karin Ek',
      ].join('\n'),
    );
  });

  it('"avsluta möte" ends it, even past its planned end, and says who was not checked in', async () => {
    const late = meetingStarting(network.networkId, new Date(Date.now() - 4 * 3600_000), {
      status: 'started',
      title: 'Långt möte',
    });
    await suite.bot.deps.meetings.replace(
      { ...(await stored())!, status: 'cancelled' },
      (await suite.bot.deps.meetings.get(network.networkId, meetingId))!.etag,
    );
    await suite.bot.deps.meetings.create(late);
    meetingId = late.meetingId;
    await checkIn(JOHAN);
    expect((await say('avsluta möte')).text).toBe(
      'Mötet Långt möte är avslutat. Närvarande: 1. Inte incheckade: Anders Holm, Karin Ek, Sara Lind.',
    );
    expect(await stored()).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    expect((await say('avsluta möte')).text).toBe(sv['meeting.noCurrent']);
  });
});
