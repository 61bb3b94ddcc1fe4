import { agendaDueAt, type Meeting } from '../../src/domain/meeting';
import { sv } from '../../src/i18n/sv';
import { DAY_MS, meetingStarting } from '../fixtures/meeting';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { KARIN, fromMember } from '../fixtures/members';
import { ConnectorStub } from '../helpers/connector-stub';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts, teamsActivity } from '../helpers/teams-activity';
import { postActivity, startTestBot } from '../helpers/test-bot';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

describe('posting the agenda automatically at the lead time', () => {
  let cosmos: EmbeddedCosmos;
  let connector: ConnectorStub;
  let a: Bot;
  let b: Bot;
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const env = () => ({
    COSMOS_ENDPOINT: cosmos.endpoint.replace('127.0.0.1', 'localhost'),
    COSMOS_KEY: 'k',
    COSMOS_TRUST_SELF_SIGNED: 'true',
  });

  const meetingIn = (ms: number, extra: Partial<Meeting> = {}): Meeting => {
    const startsAt = new Date(Math.floor((Date.now() + ms) / 60_000) * 60_000);
    return meetingStarting(network.networkId, startsAt, {
      agendaDueAt: agendaDueAt(startsAt.toISOString(), 'Europe/Stockholm', 7),
      ...extra,
    });
  };
  const agendaPosts = () =>
    connector.sent.filter((activity) => cardTexts(attachmentCard(activity)).includes(sv['agenda.heading']));

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    connector = new ConnectorStub();
    await connector.start();
    a = await startTestBot(env());
    b = await startTestBot(env());
  });
  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(a, connector, `19:agenda-posting-${counter}@thread.v2`);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await cosmos.close();
    await connector.stop();
  });

  it('posts a due agenda once into the network chat and records it; later ticks post nothing', async () => {
    const meeting = meetingIn(3 * DAY_MS);
    await a.deps.meetings.create(meeting);
    await a.scheduler.tick();
    expect(agendaPosts()).toHaveLength(1);
    expect(connector.calls[0]?.conversationId).toBe(network.conversation.id);
    const stored = (await a.deps.meetings.get(network.networkId, meeting.meetingId))?.meeting;
    expect(stored).toMatchObject({
      agendaActivityId: connector.calls[0]?.id,
      agendaPostedAt: expect.any(String),
    });
    expect(stored?.agendaDueAt).toBeUndefined();
    expect(stored?.agendaClaim).toBeUndefined();
    await a.scheduler.tick();
    await b.scheduler.tick();
    expect(agendaPosts()).toHaveLength(1);
  });

  it('does not post before the lead time', async () => {
    const meeting = meetingIn(30 * DAY_MS);
    await a.deps.meetings.create(meeting);
    await a.scheduler.tick();
    expect(agendaPosts()).toHaveLength(0);
    expect(await a.deps.meetings.dueAgendas(new Date())).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ meetingId: meeting.meetingId })]),
    );
  });

  it('posts once when two instances tick at the same moment, and not again after a restart', async () => {
    const meetings = [meetingIn(2 * DAY_MS), meetingIn(4 * DAY_MS), meetingIn(6 * DAY_MS)];
    for (const m of meetings) await a.deps.meetings.create(m);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    expect(agendaPosts()).toHaveLength(3);
    const restarted = await startTestBot(env());
    try {
      await restarted.scheduler.tick();
    } finally {
      await restarted.close();
    }
    expect(agendaPosts()).toHaveLength(3);
  });

  it('does not post automatically what a member already posted with "dagordning"', async () => {
    const meeting = meetingIn(3 * DAY_MS);
    await a.deps.meetings.create(meeting);
    await postActivity(
      a,
      teamsActivity('message-group-chat-mention', connector.serviceUrl, {
        text: '<at>Anteckna</at> dagordning',
        conversation: network.conversation,
        from: fromMember(KARIN),
      }),
    );
    await connector.waitForCalls(1);
    await a.scheduler.tick();
    expect(agendaPosts()).toHaveLength(1);
  });

  it('takes over the claim of a crashed instance once it expires, but not a live one', async () => {
    const expired = meetingIn(3 * DAY_MS, {
      agendaClaim: { by: 'crashed', until: new Date(Date.now() - 1000).toISOString() },
    });
    const live = meetingIn(3 * DAY_MS, {
      agendaClaim: { by: 'busy', until: new Date(Date.now() + 60_000).toISOString() },
    });
    await a.deps.meetings.create(expired);
    await a.deps.meetings.create(live);
    await a.scheduler.tick();
    expect(agendaPosts()).toHaveLength(1);
    expect(
      (await a.deps.meetings.get(network.networkId, expired.meetingId))?.meeting.agendaPostedAt,
    ).toBeDefined();
    expect(
      (await a.deps.meetings.get(network.networkId, live.meetingId))?.meeting.agendaPostedAt,
    ).toBeUndefined();
  });

  it('leaves the agenda due when Teams fails the post, and posts it on a later tick', async () => {
    const meeting = meetingIn(3 * DAY_MS);
    await a.deps.meetings.create(meeting);
    connector.failures = [500];
    await a.scheduler.tick();
    expect(agendaPosts()).toHaveLength(0);
    const claimed = (await a.deps.meetings.get(network.networkId, meeting.meetingId))?.meeting;
    expect(claimed?.agendaDueAt).toBeDefined();
    // Once the claim has expired, the next tick posts.
    await a.deps.meetings.replace(
      { ...claimed!, agendaClaim: { by: 'x', until: new Date(0).toISOString() } },
      (await a.deps.meetings.get(network.networkId, meeting.meetingId))!.etag,
    );
    await b.scheduler.tick();
    expect(agendaPosts()).toHaveLength(1);
  });

  it('marks the chat removed when Teams refuses it for good (403) and stops trying for that agenda', async () => {
    const meeting = meetingIn(3 * DAY_MS);
    await a.deps.meetings.create(meeting);
    connector.failures = [403];
    await a.scheduler.tick();
    expect(agendaPosts()).toHaveLength(0);
    expect((await a.deps.conversations.get(String(network.conversation.id)))?.status).toBe('removed');
    // Not tried forever: the agenda is no longer due (a chair can still post it with "dagordning").
    const stored = (await a.deps.meetings.get(network.networkId, meeting.meetingId))?.meeting;
    expect(stored?.agendaDueAt).toBeUndefined();
    expect(stored?.agendaPostedAt).toBeUndefined();
    expect(await a.deps.meetings.dueAgendas(new Date(Date.now() + 30 * DAY_MS))).not.toContainEqual(
      expect.objectContaining({ meetingId: meeting.meetingId }),
    );
  });
});
