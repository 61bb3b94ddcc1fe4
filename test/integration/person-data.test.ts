import { createPersonData, ERASED_NAME } from '../../src/storage/person-data';
import { meetingStarting } from '../fixtures/meeting';
import { KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';

/** Export and erasure of one person's data (GDPR art. 15 and 17), after real turns, against the embedded Cosmos. */
describe('one person’s data', () => {
  const suite = withBotAndConnector();
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);

  it('exports everything stored about Sara, then erases it, keeping the records whole; chairs are refused', async () => {
    network = await setUpNetwork(suite.bot, suite.connector, '19:person-data@thread.v2');
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 1800_000));
    await suite.bot.deps.meetings.create(meeting);
    await suite.bot.deps.rsvps.save({
      meetingId: meeting.meetingId,
      networkId: network.networkId,
      aadObjectId: SARA.aadObjectId,
      userId: SARA.id,
      name: SARA.name,
      answer: 'yes',
      answeredAt: new Date().toISOString(),
    });
    await say('starta möte');
    await press('attendance.checkIn', { networkId: network.networkId, meetingId: meeting.meetingId }, SARA);
    await say('uppgift <at>Sara Lind</at> skickar ut enkäten senast 31 december 2099');
    await suite.bot.deps.conversations.savePersonal(SARA.aadObjectId, {
      conversationId: 'a:sara-personal',
      conversationType: 'personal',
      serviceUrl: suite.connector.serviceUrl,
      channelId: 'msteams',
      botId: '28:anteckna',
    });

    const people = createPersonData(suite.bot.cosmos.containers);
    const sara = { aadObjectId: SARA.aadObjectId, userId: SARA.id };
    const exported = await people.exportData(sara);
    expect(exported.conversations).toEqual([expect.objectContaining({ status: 'active' })]);
    expect(exported.networks).toEqual([expect.objectContaining({ type: 'member', name: 'Sara Lind' })]);
    expect(exported.meetings.map((d) => d.type).sort()).toEqual(['attendance', 'rsvp']);
    expect(exported.followUps).toEqual([
      expect.objectContaining({ owner: expect.objectContaining({ name: 'Sara Lind' }) }),
    ]);
    expect(JSON.stringify(exported)).not.toMatch(/"_(etag|rid|ts)"/);

    // Karin chairs the network: she is not erased until someone else does.
    expect(await people.erase({ aadObjectId: KARIN.aadObjectId, userId: KARIN.id })).toEqual({
      erased: false,
      holdsRoleIn: ['Socialchefsnätverket'],
    });

    expect(await people.erase(sara)).toEqual({ erased: true, deleted: 3, pseudonymised: 2 });
    const after = await people.exportData(sara);
    expect(Object.values(after).flat()).toEqual([]);
    // The records stay whole: one present, one follow-up, without her name.
    const attendance = await suite.bot.deps.attendance.list(meeting.meetingId);
    expect(attendance.filter((a) => a.name === ERASED_NAME)).toHaveLength(1);
    expect(JSON.stringify(attendance)).not.toContain('Sara');
    const [followUp] = await suite.bot.deps.followUps.listForMeeting(network.networkId, meeting.meetingId);
    expect(followUp?.owner).toEqual({ kind: 'person', name: ERASED_NAME });
    expect(await suite.bot.deps.conversations.getPersonal(SARA.aadObjectId)).toBeUndefined();
  });
});
