import { DateTime } from 'luxon';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, GROUP_CHAT_MEMBERS, JOHAN, KARIN, SARA, fromMember } from '../fixtures/members';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import type { ContainerName } from '../../src/storage/containers';
import { DOCUMENT_KINDS, kindOf } from '../../src/storage/person-fields';
import {
  documentsWith,
  keptByDesign,
  tracesOf,
  undeclaredFields,
  type Trace,
} from '../helpers/person-traces';
import { withSharedCosmos } from '../helpers/shared-cosmos';
import { attachmentCard, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';
import { runPersonData } from '../helpers/person-data-cli';

/** Sara's substitute: a Teams user on no roster. */
const PER = { id: '29:1per', name: 'Per Ek', aadObjectId: '0b1c2d3e-0000-4000-8000-000000000009' };
const EMAILS = new Map([
  [KARIN.id, 'karin.ek@kommun.example'],
  [JOHAN.id, 'johan.berg@kommun.example'],
  [SARA.id, 'sara.lind@kungalv.example'],
  [ANDERS.id, 'anders.holm@kommun.example'],
]);
const SARA_MARKS = { name: SARA.name, ids: [SARA.aadObjectId, SARA.id], email: EMAILS.get(SARA.id)! };
const TEAMS_MEETING_ID = (
  teamsActivity('event-meeting-start', 'x').channelData as { meeting: { id: string } }
).meeting.id;

type Action = { verb?: string; url?: string; type?: string; data?: Record<string, unknown> };
const actionsOf = (card: unknown): Action[] => (card as { actions?: Action[] } | undefined)?.actions ?? [];
const dataOf = (card: unknown, verb: string) => actionsOf(card).find((a) => a.verb === verb)?.data ?? {};
const describeTrace = (trace: Trace) => `${trace.container}/${trace.kind}: ${trace.path}`;

/**
 * The black-box run of issue 25 through the real endpoint: Sara installs the app, answers the agenda sending a
 * substitute, checks in, records a decision and a note as the Teams meeting's Organizer, owns three follow-ups (one
 * she postponed, one given to Johan, one she marked done), is named in a note Karin typed and in approved and
 * drafted minutes; then a chair erases her. Every container is scanned for her name, ids, e-mail and hashes of her ids.
 */
describe('an erasure finds every place', () => {
  const shared = withSharedCosmos(1);
  const suite = {
    get bot() {
      return shared.context.bots[0]!;
    },
    get connector() {
      return shared.context.connector;
    },
  };
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);
  const containers = () => suite.bot.cosmos.containers as unknown as Parameters<typeof tracesOf>[0];

  /** A network in its own chat, its members listed by Teams with their e-mail, Johan its secretary. */
  const networkIn = async (chatId: string) => {
    suite.connector.members.set(
      chatId,
      GROUP_CHAT_MEMBERS.map((m) => ({ ...m, email: EMAILS.get(m.id)! })),
    );
    network = await setUpNetwork(suite.bot, suite.connector, chatId, {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
    });
    return network;
  };

  /** Sara's part in one meeting of the current network, everything through the endpoint. */
  const saraTakesPart = async (n: number) => {
    const { networkId } = network;
    const meeting = meetingStarting(networkId, new Date(Date.now() + 3600_000), {
      items: [
        { title: 'Enkäten om hemtjänst', presenters: ['Sara Lind'], guests: [], slides: false },
        { title: 'Övrigt', presenters: [], guests: [], slides: false },
      ],
    });
    await suite.bot.deps.meetings.create(meeting);
    const ref = { networkId, meetingId: meeting.meetingId };
    await press(
      'rsvp.answer',
      { ...ref, answer: 'substitute', substituteName: PER.name, substituteOrganisation: 'Kungälv' },
      SARA,
    );
    await say('starta möte');
    await press('attendance.checkIn', ref, PER);
    await press('attendance.checkIn', ref, SARA);

    // In the Teams meeting's chat, where Teams says she is its Organizer.
    const meetingChat = {
      isGroup: true,
      conversationType: 'groupChat',
      tenantId: 't',
      id: `19:meeting_erase-${n}@thread.v2`,
    };
    await suite.bot.deps.meetingLinks.save({
      meetingChatId: meetingChat.id,
      networkId,
      meetingId: meeting.meetingId,
      teamsMeetingId: TEAMS_MEETING_ID,
      linkedAt: new Date().toISOString(),
    });
    suite.connector.meetingRoles.set(`${TEAMS_MEETING_ID}/${SARA.aadObjectId}`, 'Organizer');
    for (const text of [
      'beslut punkt 1 Nätverket antar enkäten.',
      'anteckning punkt 1 Enkäten skickas i januari.',
    ]) {
      suite.connector.reset();
      const sent = await postActivity(
        suite.bot,
        teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
          id: `1${n}${Math.round(Math.random() * 1e9)}`,
          text: `<at>Anteckna</at> ${text}`,
          conversation: meetingChat,
          from: fromMember(SARA),
          channelData: { tenant: { id: 't' }, meeting: { id: TEAMS_MEETING_ID } },
        }),
      );
      expect(sent.status).toBe(200);
      await suite.connector.waitForCalls(1);
    }
    await say('anteckning punkt 1 Sara Lind redovisade svaren från Kungälv.');

    const task = async (text: string) =>
      dataOf(
        attachmentCard(await say(`uppgift punkt 1 <at>Sara Lind</at> ${text} senast 31 december 2035`)),
        'followUp.done',
      );
    const postponed = await task('sammanställer svaren');
    const given = await task('bjuder in Kungälvs politiker');
    const done = await task('skickar ut enkäten');
    await press('followUp.postpone', { ...postponed, due: '2035-06-30' }, SARA);
    await press('followUp.reassign', { ...given, owner: `member:${JOHAN.id}` }, KARIN);
    await press('followUp.done', done, SARA);
    await say('avsluta möte');

    // Minutes approved by the secretary, then a draft of a correction.
    const summary = attachmentCard(await say('protokoll', JOHAN));
    const full = await press('minutes.open', dataOf(summary, 'minutes.open'), JOHAN);
    await press('minutes.approve', dataOf(full.value, 'minutes.approve'), JOHAN);
    const day = DateTime.fromObject(meeting.date).toISODate() ?? '';
    await say(`möte ${day} beslut punkt 2 Nästa möte hålls i Kungälv.`, JOHAN);
    await say('protokoll', JOHAN);
    return meeting;
  };

  it("leaves her only where the README says after a chair's erasure, also after a roster sync; the export had it all", async () => {
    await networkIn('19:erasure-chair@thread.v2');
    await postActivity(
      suite.bot,
      teamsActivity('installation-update-personal', suite.connector.serviceUrl, {
        from: { id: SARA.id, aadObjectId: SARA.aadObjectId },
        conversation: { conversationType: 'personal', tenantId: 't', id: 'a:sara-personal-chair' },
      }),
    );
    const meeting = await saraTakesPart(1);
    const minutes = await suite.bot.deps.minutes.latest(meeting.meetingId);
    expect(minutes?.minutes.version).toBe(2);

    // Every stored document is of a declared kind, every field of it declared: nothing the export could miss.
    for (const [name, container] of Object.entries(containers())) {
      if (name === 'leases') continue;
      const { resources } = await container.items
        .query<Record<string, unknown>>('SELECT * FROM c')
        .fetchAll();
      for (const doc of resources) {
        const kind = kindOf(name as ContainerName, doc);
        expect([name, doc.id, kind]).toEqual([name, doc.id, expect.any(String)]);
        expect([kind, undeclaredFields(doc, DOCUMENT_KINDS[kind!].shape)]).toEqual([kind, []]);
      }
    }

    const before = await tracesOf(containers(), SARA_MARKS);
    // What a chair answers for: the network's documents (her 1:1 chat is the administrator's, below).
    const inNetwork = (traces: Trace[]) =>
      traces.filter((trace) => trace.kind !== 'personalChat' && !trace.id.startsWith('conv-'));
    const held = documentsWith(inNetwork(before));
    expect(held.length).toBeGreaterThanOrEqual(12);

    // The chair's export, as downloaded from the card only she sees, has every one of them, saying how.
    const closed = attachmentCard(await say('personuppgifter <at>Sara Lind</at>'));
    const ref = dataOf(closed, 'personData.open');
    const opened = (await press('personData.open', ref)).value;
    const url = actionsOf(opened).find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
    const file = (await (await fetch(url)).json()) as Record<
      string,
      { kind: string; found: string[]; document: { id: string } }[]
    >;
    const exported = ['conversations', 'networks', 'meetings', 'followUps'].flatMap((container) =>
      (file[container] ?? []).map((doc) => ({ ...doc, key: `${container}/${doc.document.id}` })),
    );
    expect(held.filter((key) => !exported.some((doc) => doc.key === key))).toEqual([]);
    const how = (kind: string, found: string) =>
      exported.filter((doc) => doc.kind === kind && doc.found.includes(found)).length;
    expect(how('itemNote', 'mentionedByName')).toBe(1);
    expect(how('itemNote', 'recordedBy')).toBe(1);
    expect(how('decision', 'recordedBy')).toBe(1);
    expect(how('followUp', 'recordedBy')).toBe(2);
    expect(how('followUp', 'named')).toBe(1);
    expect(how('attendance', 'about')).toBe(2);

    // Karin's note naming her is the network's record: the erasure leaves it as it was, not even rewritten.
    const noteOf = async () =>
      (
        await suite.bot.cosmos.containers.meetings.items
          .query<{ _etag: string; text: string }>({
            query:
              "SELECT * FROM c WHERE c.type = 'itemNote' AND c.meetingId = @m AND CONTAINS(c.text, 'redovisade')",
            parameters: [{ name: '@m', value: meeting.meetingId }],
          })
          .fetchAll()
      ).resources[0];
    const note = await noteOf();
    await press('personData.erase', ref);
    expect(await noteOf()).toEqual(note);
    // Left only where the README says; her 1:1 chat went too, as she is in no other network.
    const kept = (traces: Trace[]) => traces.filter((trace) => !keptByDesign(trace)).map(describeTrace);
    expect(kept(await tracesOf(containers(), SARA_MARKS))).toEqual([]);

    // Someone joins the chat: the roster is synced from Teams' list, which still has her. She is not written back.
    suite.connector.reset();
    await postActivity(
      suite.bot,
      teamsActivity('conversation-update-bot-added-group-chat', suite.connector.serviceUrl, {
        membersAdded: [{ id: ANDERS.id, aadObjectId: ANDERS.aadObjectId }],
        conversation: network.conversation,
      }),
    );
    await suite.bot.idle();
    expect(kept(await tracesOf(containers(), SARA_MARKS))).toEqual([]);
    expect(await suite.bot.deps.roster.get(network.networkId, SARA.id)).toBeUndefined();

    // She comes back by acting herself.
    await say('hjälp', SARA);
    expect(await suite.bot.deps.roster.get(network.networkId, SARA.id)).toMatchObject({ status: 'member' });
  });

  it('the administrator’s export and erasure cover every network and her 1:1 chat', async () => {
    for (const n of [2, 3]) {
      await networkIn(`19:erasure-cli-${n}@thread.v2`);
      await saraTakesPart(n);
    }
    await postActivity(
      suite.bot,
      teamsActivity('installation-update-personal', suite.connector.serviceUrl, {
        from: { id: SARA.id, aadObjectId: SARA.aadObjectId },
        conversation: { conversationType: 'personal', tenantId: 't', id: 'a:sara-personal-cli' },
      }),
    );
    const before = await tracesOf(containers(), SARA_MARKS);
    const held = documentsWith(before);
    expect(before.some((trace) => trace.kind === 'personalChat')).toBe(true);

    const exported = await runPersonData(shared.env(), 'export', SARA.aadObjectId, SARA.id);
    expect(exported.code).toBe(0);
    const file = JSON.parse(exported.stdout) as Record<string, { document: { id: string } }[]>;
    const keys = Object.entries(file).flatMap(([container, docs]) =>
      docs.map((doc) => `${container}/${doc.document.id}`),
    );
    expect(held.filter((key) => !keys.includes(key))).toEqual([]);

    // By name, someone with ids is not taken for them: Per's attendance is his by his ids; Sara's answer and the
    // minutes name him.
    expect((await runPersonData(shared.env(), 'export', '--name')).code).toBe(2);
    const byName = await runPersonData(shared.env(), 'export', '--name', PER.name);
    const named = Object.values(
      JSON.parse(byName.stdout) as Record<string, { kind: string; found: string[] }[]>,
    )
      .flat()
      .map((doc) => `${doc.kind}: ${doc.found.join(', ')}`);
    expect([...new Set(named)].sort()).toEqual(['minutes: named', 'rsvp: named']);

    const erased = await runPersonData(shared.env(), 'erase', SARA.aadObjectId, SARA.id);
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ erased: true });
    expect(
      (await tracesOf(containers(), SARA_MARKS)).filter((t) => !keptByDesign(t)).map(describeTrace),
    ).toEqual([]);
  });
});
