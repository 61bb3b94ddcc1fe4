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
    expect(cardTexts(attachmentCard(await say('incheckning', SARA)))).toContain(sv['checkIn.button']);
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
    expect(cardTexts(attachmentCard(await say('närvaro', ANDERS)))).toEqual([
      'Närvaro, Nätverksmöte november',
      'NÄRVARANDE',
      'Ale',
      'Sara Lind',
      'Kungälv',
      'Johan Berg',
      'GÄSTER',
      'ingen',
      'EJ NÄRVARANDE',
      'Anders Holm',
      'Karin Ek',
    ]);
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
    expect((await say('beslut punkt 1 Nätverket ställer sig bakom uppdraget.')).attachments).toBeDefined();
    await say('uppgift Sara Lind återkommer');
    expect((await say('avsluta möte')).text).toBe(
      [
        '<at>Karin Ek</at>: Mötet Långt möte är avslutat. Närvarande: 1.',
        '',
        'Det här saknas för protokollet:',
        '- uppgifter utan slutdatum: Sara Lind: återkommer',
        '- inte incheckade (rätta med ”närvaro” om de var med): Anders Holm, Karin Ek, Sara Lind',
      ].join('\n'),
    );
    expect(await stored()).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    expect((await say('avsluta möte')).text).toBe(sv['meeting.noCurrent']);
  });

  it("counts a member's substitute for their organisation, and guests for the items the agenda names them on", async () => {
    await suite.bot.deps.roster.setOrganisation(network.networkId, ANDERS.id, 'Kungälv');
    const planned = (await suite.bot.deps.meetings.get(network.networkId, meetingId))!;
    await suite.bot.deps.meetings.replace(
      {
        ...planned.meeting,
        items: [
          { title: 'Aktuellt läge', presenters: ['Lena Holmlund'], guests: [], slides: true },
          { title: 'Nära vård', presenters: [], guests: ['Eva Ström (Kungälv)'], slides: false },
        ],
      },
      planned.etag,
    );
    await suite.bot.deps.rsvps.save({
      meetingId,
      networkId: network.networkId,
      aadObjectId: ANDERS.aadObjectId,
      userId: ANDERS.id,
      name: 'Anders Holm',
      organisation: 'Kungälv',
      answer: 'substitute',
      substitute: { name: 'Maria Ljung', organisation: 'Kungälv' },
      answeredAt: new Date().toISOString(),
    });
    await say('starta möte');
    const maria = {
      id: '29:1maria',
      name: 'maria ljung',
      aadObjectId: '0b1c2d3e-0000-4000-8000-00000000000a',
    };
    const eva = { id: '29:1eva', name: 'Eva Ström', aadObjectId: '0b1c2d3e-0000-4000-8000-00000000000b' };
    await checkIn(maria);
    await checkIn(eva);
    await checkIn(SARA);
    expect(cardTexts(attachmentCard(await say('närvaro', SARA)))).toEqual([
      'Närvaro, Nätverksmöte november',
      'NÄRVARANDE',
      'Kungälv',
      'maria ljung (ersättare för Anders Holm)',
      'Sara Lind',
      'GÄSTER',
      'Eva Ström, punkt 2',
      'EJ NÄRVARANDE',
      'Johan Berg',
      'Karin Ek',
    ]);
  });

  it('lets chairs mark people present or absent and add a guest for named items, from a card', async () => {
    await say('starta möte');
    await checkIn(JOHAN);
    await say('närvaro');
    const card = attachmentCard(suite.connector.sent[1] ?? {});
    expect(cardProblems(card ?? {})).toEqual([]);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        'Rätta närvaron, Nätverksmöte november',
        'Anders Holm',
        'Johan Berg',
        'Sara Lind',
      ]),
    );
    const ref = { networkId: network.networkId, meetingId };
    const notice = async (verb: string, data: Record<string, unknown>, from = KARIN) =>
      cardTexts((await press(verb, { ...ref, ...data }, from)).value)[0];

    expect(await notice('attendance.correct', { person: SARA.aadObjectId, presence: 'present' })).toBe(
      'Sara Lind är markerad som närvarande.',
    );
    expect(await notice('attendance.correct', { person: JOHAN.aadObjectId, presence: 'absent' })).toBe(
      'Johan Berg är markerad som ej närvarande.',
    );
    expect(
      await notice('attendance.addGuest', {
        name: 'Rosanna Björklund',
        organisation: 'GR',
        items: 'punkt 1',
      }),
    ).toBe('Rosanna Björklund, GR är tillagd som gäst för punkt 1.');
    expect(await notice('attendance.addGuest', { name: 'Leif Sandsjö', items: '1, 9' })).toBe(
      'Dagordningen har punkterna 1–1; det här gick inte att läsa som punkter: 9.',
    );
    expect(await notice('attendance.correct', { person: 'made-up', presence: 'present' })).toBe(
      sv['attendance.unknownPerson'],
    );
    expect(
      (await press('attendance.correct', { ...ref, person: ANDERS.aadObjectId, presence: 'present' }, ANDERS))
        .value,
    ).toBe('Bara ordförande och sekreterare (Karin Ek) kan göra det under mötet.');
    // A check-in after the chair's correction: present again, still counted as the chair said.
    await checkIn(JOHAN);
    const records = await suite.bot.deps.attendance.list(meetingId);
    expect(records.find((r) => r.personKey === SARA.aadObjectId)).toMatchObject({
      present: true,
      sources: ['chair'],
    });
    expect(records.find((r) => r.name === 'Rosanna Björklund')).toMatchObject({
      guest: true,
      items: [1],
      organisation: 'GR',
    });
    expect(records.find((r) => r.name === 'Leif Sandsjö')).toBeUndefined();
    await press('attendance.correct', { ...ref, person: JOHAN.aadObjectId, presence: 'absent' });
    expect(cardTexts(attachmentCard(await say('närvaro', SARA)))).toEqual([
      'Närvaro, Nätverksmöte november',
      'NÄRVARANDE',
      'Sara Lind',
      'GÄSTER',
      'Rosanna Björklund, GR, punkt 1',
      'EJ NÄRVARANDE',
      'Anders Holm',
      'Johan Berg',
      'Karin Ek',
    ]);
  });
});
