import type { FollowUp } from '../../src/domain/follow-up';
import { meetingStarting, yesFrom } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard } from '../helpers/teams-activity';

type Card = { actions: { verb?: string; data?: Record<string, unknown> }[] };

/**
 * The retention period per network: a meeting's records are deleted once it ended longer ago than the network keeps
 * them, by the scheduler's daily sweep against the embedded Cosmos (which, like a sweep, needs no TTL support).
 */
describe('retention of meeting records', () => {
  let now = new Date('2026-11-23T09:00:00Z');
  const suite = withBotAndConnector({}, () => now);
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);
  const tickAt = async (iso: string) => {
    now = new Date(iso);
    await suite.bot.scheduler.tick();
  };

  /** A meeting held today through real turns: an answer, a check-in, a decision, a follow-up closed, minutes. */
  const holdMeeting = async () => {
    const meeting = meetingStarting(network.networkId, new Date(now.getTime() + 1800_000));
    await suite.bot.deps.meetings.create(meeting);
    await suite.bot.deps.rsvps.save(yesFrom(meeting, SARA, now));
    await suite.bot.deps.meetingLinks.save({
      meetingChatId: `19:meeting_${meeting.meetingId}@thread.v2`,
      networkId: network.networkId,
      meetingId: meeting.meetingId,
      linkedAt: now.toISOString(),
    });
    await say('starta möte');
    await press('attendance.checkIn', { networkId: network.networkId, meetingId: meeting.meetingId }, SARA);
    await say('beslut Nätverket ställer sig bakom uppdraget.');
    const card = attachmentCard(
      await say('uppgift <at>Sara Lind</at> skickar ut enkäten senast 31 december 2026'),
    );
    const done = (card as Card).actions.find((a) => a.verb === 'followUp.done')!.data!;
    await press('followUp.done', done, SARA);
    await say('avsluta möte');
    await say('protokoll');
    return meeting;
  };

  /** An open follow-up of a meeting, owned by an organisation: it keeps its meeting from being deleted. */
  const openFollowUp = (networkId: string, followUpId: string, meetingId: string): FollowUp => ({
    networkId,
    followUpId,
    meetingId,
    owner: { kind: 'organisation', name: 'Kungälv' },
    text: 'återkommer',
    status: 'open',
    changes: [],
    revision: 0,
    createdBy: '',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });

  /** What is stored about a meeting, by kind. */
  const storedOf = async (networkId: string, meetingId: string) => ({
    meeting: (await suite.bot.deps.meetings.get(networkId, meetingId)) !== undefined,
    answers: (await suite.bot.deps.rsvps.list(meetingId)).length,
    attendance: (await suite.bot.deps.attendance.list(meetingId)).length,
    decisions: (await suite.bot.deps.decisions.list(meetingId)).length,
    minutes: (await suite.bot.deps.minutes.latest(meetingId)) !== undefined,
    followUps: (await suite.bot.deps.followUps.listForMeeting(networkId, meetingId)).length,
    link: (await suite.bot.deps.meetingLinks.get(`19:meeting_${meetingId}@thread.v2`)) !== undefined,
  });
  const nothing = {
    meeting: false,
    answers: 0,
    attendance: 0,
    decisions: 0,
    minutes: false,
    followUps: 0,
    link: false,
  };

  it('deletes a meeting past the period whole, keeps newer ones, those with open follow-ups, and networks that keep', async () => {
    network = await setUpNetwork(suite.bot, suite.connector, '19:retention-a@thread.v2', {
      retentionMonths: '12',
    });
    const networkA = network;
    expect((await suite.bot.deps.networks.get(networkA.networkId))?.network.settings.retentionMonths).toBe(
      12,
    );
    const old = await holdMeeting();
    const full = await storedOf(networkA.networkId, old.meetingId);
    expect(full).toEqual({
      meeting: true,
      answers: 1,
      attendance: 1,
      decisions: 1,
      minutes: true,
      followUps: 1,
      link: true,
    });

    // Same day, a meeting whose follow-up stays open; and one held next November.
    const withOpen = meetingStarting(networkA.networkId, new Date(now.getTime() + 4 * 3600_000));
    await suite.bot.deps.meetings.create(withOpen);
    const open = openFollowUp(networkA.networkId, '00000000-0000-4000-8000-00000000a001', withOpen.meetingId);
    await suite.bot.deps.followUps.create(open);
    const recent = meetingStarting(networkA.networkId, new Date('2027-11-15T08:00:00Z'));
    await suite.bot.deps.meetings.create(recent);

    // A network that keeps its records (0), with a meeting held the same day.
    network = await setUpNetwork(suite.bot, suite.connector, '19:retention-b@thread.v2', {
      retentionMonths: '0',
    });
    const networkB = network;
    const kept = await holdMeeting();
    const keptBefore = await storedOf(networkB.networkId, kept.meetingId);

    // Eleven months on nothing has expired.
    await tickAt('2027-10-24T09:00:00Z');
    expect(await storedOf(networkA.networkId, old.meetingId)).toEqual(full);

    // Thirteen months on (the sweep is daily: this is more than a day after the last): the old meeting is gone.
    await tickAt('2027-12-24T09:00:00Z');
    expect(await storedOf(networkA.networkId, old.meetingId)).toEqual(nothing);
    expect(await storedOf(networkA.networkId, withOpen.meetingId)).toMatchObject({
      meeting: true,
      followUps: 1,
    });
    expect(await storedOf(networkA.networkId, recent.meetingId)).toMatchObject({ meeting: true });
    expect(await storedOf(networkB.networkId, kept.meetingId)).toEqual(keptBefore);

    // Once its follow-up is closed, the next day's sweep takes that meeting too; within the day nothing runs.
    const found = (await suite.bot.deps.followUps.get(networkA.networkId, open.followUpId))!;
    await suite.bot.deps.followUps.replace({ ...found.followUp, status: 'done' }, found.etag);
    await tickAt('2027-12-24T15:00:00Z');
    expect(await storedOf(networkA.networkId, withOpen.meetingId)).toMatchObject({ meeting: true });
    await tickAt('2027-12-25T09:30:00Z');
    expect(await storedOf(networkA.networkId, withOpen.meetingId)).toEqual(nothing);
    expect(await storedOf(networkA.networkId, recent.meetingId)).toMatchObject({ meeting: true });
    expect(await storedOf(networkB.networkId, kept.meetingId)).toEqual(keptBefore);
  });

  it('pages past meetings kept for open follow-ups: with 60 of them, a later expired meeting goes at the first sweep', async () => {
    now = new Date('2027-01-04T09:00:00Z');
    network = await setUpNetwork(suite.bot, suite.connector, '19:retention-paging@thread.v2', {
      retentionMonths: '12',
    });
    const { networkId } = network;
    const keptOnes = Array.from({ length: 60 }, (_, i) =>
      meetingStarting(networkId, new Date(Date.parse('2027-01-04T08:00:00Z') + i * 86_400_000)),
    );
    for (const [i, meeting] of keptOnes.entries()) {
      await suite.bot.deps.meetings.create(meeting);
      await suite.bot.deps.followUps.create(
        openFollowUp(
          networkId,
          `00000000-0000-4000-8000-${String(900_000 + i).padStart(12, '0')}`,
          meeting.meetingId,
        ),
      );
    }
    const later = meetingStarting(networkId, new Date('2027-04-15T08:00:00Z'));
    await suite.bot.deps.meetings.create(later);

    // Long after all of them expired (the sweep before this one ran more than a day ago).
    await tickAt('2029-06-01T09:00:00Z');
    expect(await storedOf(networkId, later.meetingId)).toEqual(nothing);
    for (const meeting of [keptOnes[0]!, keptOnes[59]!])
      expect(await storedOf(networkId, meeting.meetingId)).toMatchObject({ meeting: true, followUps: 1 });
  });

  it('forgets the roster entries of people who left the network longer ago than the period, and no others', async () => {
    now = new Date('2030-01-10T09:00:00Z');
    network = await setUpNetwork(suite.bot, suite.connector, '19:retention-roster@thread.v2', {
      retentionMonths: '12',
    });
    const { networkId } = network;
    const asInput = (m: typeof KARIN) => ({ userId: m.id, aadObjectId: m.aadObjectId, name: m.name });
    // Anders leaves the chat in January, Johan in August.
    await suite.bot.deps.roster.sync(networkId, [KARIN, JOHAN, SARA].map(asInput));
    now = new Date('2030-08-01T09:00:00Z');
    await suite.bot.deps.roster.sync(networkId, [KARIN, SARA].map(asInput));
    const members = async () => {
      const { resources } = await suite.bot.cosmos.containers.networks.items
        .query<{ userId: string; status: string }>({
          query: "SELECT c.userId, c.status FROM c WHERE c.networkId = @n AND c.type = 'member'",
          parameters: [{ name: '@n', value: networkId }],
        })
        .fetchAll();
      return Object.fromEntries(resources.map((m) => [m.userId, m.status]));
    };
    expect(await members()).toEqual({
      [KARIN.id]: 'member',
      [JOHAN.id]: 'left',
      [SARA.id]: 'member',
      [ANDERS.id]: 'left',
    });

    // Thirteen months after Anders left, seven after Johan did.
    await tickAt('2031-02-15T09:00:00Z');
    expect(await members()).toEqual({ [KARIN.id]: 'member', [JOHAN.id]: 'left', [SARA.id]: 'member' });
  });

  it("forgets the 1:1 chats of people in no network a month after they were last written, not a member's", async () => {
    now = new Date('2032-03-01T09:00:00Z');
    network = await setUpNetwork(suite.bot, suite.connector, '19:retention-chats@thread.v2', {
      retentionMonths: '12',
    });
    const reference = (userId: string) => ({
      conversationId: `a:personal:${userId}`,
      conversationType: 'personal' as const,
      tenantId: 't',
      serviceUrl: suite.connector.serviceUrl,
      channelId: 'msteams',
      botId: '28:anteckna',
    });
    // Sara is on the roster; two people never joined a network, one of them only days ago.
    await suite.bot.deps.conversations.savePersonal(SARA.aadObjectId, reference(SARA.id));
    await suite.bot.deps.conversations.savePersonal('aad-never-joined', reference('29:never-joined'));
    now = new Date('2032-04-05T09:00:00Z');
    await suite.bot.deps.conversations.savePersonal('aad-just-installed', reference('29:just-installed'));

    await tickAt('2032-04-10T09:00:00Z');
    expect(await suite.bot.deps.conversations.getPersonal(SARA.aadObjectId)).toBeDefined();
    expect(await suite.bot.deps.conversations.getPersonal('aad-never-joined')).toBeUndefined();
    expect(await suite.bot.deps.conversations.getPersonal('aad-just-installed')).toBeDefined();
  });

  it('does not keep a meeting for an open task whose owner was erased', async () => {
    now = new Date('2033-01-10T09:00:00Z');
    network = await setUpNetwork(suite.bot, suite.connector, '19:retention-erased@thread.v2', {
      retentionMonths: '12',
    });
    const meeting = meetingStarting(network.networkId, new Date('2033-01-10T10:00:00Z'));
    await suite.bot.deps.meetings.create(meeting);
    await suite.bot.deps.followUps.create({
      ...openFollowUp(network.networkId, '00000000-0000-4000-8000-00000000e001', meeting.meetingId),
      owner: { kind: 'person', name: 'Borttagen person' },
      ownerErasedAt: now.toISOString(),
    });
    await tickAt('2034-02-15T09:00:00Z');
    expect(await storedOf(network.networkId, meeting.meetingId)).toEqual(nothing);
  });

  it('forgets the meeting-chat links of meetings that are gone, not the links of meetings that are there', async () => {
    now = new Date('2035-01-10T09:00:00Z');
    network = await setUpNetwork(suite.bot, suite.connector, '19:retention-links@thread.v2', {
      retentionMonths: '12',
    });
    const meeting = meetingStarting(network.networkId, new Date('2035-01-20T10:00:00Z'));
    await suite.bot.deps.meetings.create(meeting);
    const link = (meetingId: string, chat: string) => ({
      meetingChatId: `19:meeting_${chat}@thread.v2`,
      networkId: network.networkId,
      meetingId,
      linkedAt: now.toISOString(),
    });
    // A link left by a meeting deleted before links were swept with it, and the planned meeting's own.
    await suite.bot.deps.meetingLinks.save(link('7b0c1f7e-0000-4000-8000-00000000dead', 'stray'));
    await suite.bot.deps.meetingLinks.save(link(meeting.meetingId, 'kept'));
    await tickAt('2035-01-11T09:00:00Z');
    expect(await suite.bot.deps.meetingLinks.get('19:meeting_stray@thread.v2')).toBeUndefined();
    expect(await suite.bot.deps.meetingLinks.get('19:meeting_kept@thread.v2')).toMatchObject({
      meetingId: meeting.meetingId,
    });
  });
});
