import { randomUUID } from 'node:crypto';
import { sv } from '../../src/i18n/sv';
import { createPersonData, ERASED_NAME } from '../../src/storage/person-data';
import { meetingStarting, yesFrom } from '../fixtures/meeting';
import { JOHAN, KARIN, SARA } from '../fixtures/members';
import { attendanceId } from '../../src/storage/attendance-repository';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

type Action = { type: string; title?: string; url?: string; verb?: string; data?: Record<string, string> };
const actions = (card: unknown): Action[] => (card as { actions?: Action[] }).actions ?? [];
const facts = (card: unknown): Record<string, string> =>
  Object.fromEntries(
    ((card as { body: { type: string; facts?: { title: string; value: string }[] }[] }).body ?? [])
      .flatMap((block) => block.facts ?? [])
      .map((fact) => [fact.title, fact.value]),
  );

/** Export and erasure of one person's data (GDPR art. 15 and 17), after real turns, against the embedded Cosmos. */
describe('one person’s data', () => {
  const suite = withBotAndConnector();
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);

  /** Sara answered, checked in and was given a follow-up in a meeting of the network. */
  const saraTakesPart = async (threadId: string) => {
    network = await setUpNetwork(suite.bot, suite.connector, threadId);
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 1800_000));
    await suite.bot.deps.meetings.create(meeting);
    await suite.bot.deps.rsvps.save(yesFrom(meeting, SARA, new Date()));
    await say('starta möte');
    await press('attendance.checkIn', { networkId: network.networkId, meetingId: meeting.meetingId }, SARA);
    await say('uppgift <at>Sara Lind</at> skickar ut enkäten senast 31 december 2035');
    return meeting;
  };

  it('"personuppgifter" lets a chair see, export and erase one person’s data in the chat, shown only to them', async () => {
    const meeting = await saraTakesPart('19:person-data-command@thread.v2');
    const chairs = { chairs: 'Karin Ek' };

    // Only chairs; a name must be on the member list; without anyone, how to say it.
    expect((await say('personuppgifter <at>Sara Lind</at>', JOHAN)).text).toBe(
      sv['personData.chairsOnly'].replace('{chairs}', chairs.chairs),
    );
    expect((await say('personuppgifter')).text).toBe(sv['personData.usage']);
    expect((await say('personuppgifter Sara Lindgren')).text).toBe(
      sv['personData.notFound'].replace('{name}', 'Sara Lindgren'),
    );

    // The card in the chat names her and shows nothing else; by name it is the same card as by @mention.
    const byName = attachmentCard(await say('personuppgifter sara lind'));
    const closed = attachmentCard(await say('personuppgifter <at>Sara Lind</at>'));
    expect(closed).toEqual(byName);
    expect(cardProblems(closed!)).toEqual([]);
    expect(cardTexts(closed)).toEqual(['Personuppgifter: Sara Lind', sv['personData.closedIntro'], 'Öppna']);
    const ref = actions(closed)[0]!.data!;
    expect(ref).toEqual({ networkId: network.networkId, userId: SARA.id });

    // Someone else pressing gets a refusal, not the data; a card from another chat or about no one is refused.
    expect((await press('personData.open', ref, JOHAN)).value).toBe(
      sv['personData.chairsOnly'].replace('{chairs}', chairs.chairs),
    );
    expect((await press('personData.open', { ...ref, networkId: 'another-network' })).value).toBe(
      sv['card.stale'],
    );
    expect((await press('personData.open', { ...ref, userId: '29:nobody' })).value).toBe(
      sv['personData.gone'],
    );
    expect((await press('personData.open', { ...ref, aadObjectId: KARIN.aadObjectId })).value).toBe(
      sv['card.stale'],
    );

    // The chair sees counts and an export link (the invoke's answer: Teams shows it to the one who pressed).
    const opened = (await press('personData.open', ref)).value;
    expect(cardProblems(opened as Record<string, unknown>)).toEqual([]);
    expect(facts(opened)).toEqual({
      Medlemskap: '1',
      'Svar på dagordningar': '1',
      'Närvaro på möten': '1',
      Uppgifter: '1',
      'Andra uppgifter som nämner personen': '0',
    });
    const exportUrl = actions(opened).find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
    const file = await fetch(exportUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(
      /filename\*=UTF-8''personuppgifter-\d{4}-\d{2}-\d{2}\.json/,
    );
    const exported = (await file.json()) as Record<
      string,
      { kind: string; document: Record<string, unknown> }[]
    >;
    expect(exported.network).toBe('Socialchefsnätverket');
    expect(exported.networks!.map((d) => [d.kind, d.document.name])).toEqual([['member', 'Sara Lind']]);
    expect(exported.meetings!.map((d) => d.kind).sort()).toEqual(['attendance', 'rsvp']);
    expect(exported.followUps).toHaveLength(1);
    expect(exported.conversations).toEqual([]);
    // The link is for that file only: not a minutes link, and a changed token is refused.
    const url = new URL(exportUrl);
    const token = url.searchParams.get('token') ?? '';
    expect((await fetch(`${url.origin}/minutes/download?token=${token}`)).status).toBe(403);
    // No log line holds the link (its token is the key to the file).
    expect(JSON.stringify(suite.bot.logs.entries)).not.toContain(token);
    // The link names Sara without showing her ids; changed anywhere it is refused.
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain(SARA.id);
    const bytes = Buffer.from(token, 'base64url');
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 1;
    const forged = bytes.toString('base64url');
    expect((await fetch(`${url.origin}${url.pathname}?token=${forged}`)).status).toBe(403);

    // Erasure asks first; a chair cannot be erased while chairing.
    const karinRef = actions(attachmentCard(await say('personuppgifter <at>Karin Ek</at>')))[0]!.data!;
    const karin = (await press('personData.erase', karinRef)).value;
    expect(cardTexts(karin)).toContain(sv['personData.holdsRole'].replace('{name}', 'Karin Ek'));
    expect(await suite.bot.deps.roster.get(network.networkId, KARIN.id)).toBeDefined();

    const confirm = (await press('personData.askErase', ref)).value;
    expect(cardProblems(confirm as Record<string, unknown>)).toEqual([]);
    expect(actions(confirm).map((a) => [a.title, a.verb])).toEqual([
      ['Ja, radera', 'personData.erase'],
      ['Avbryt', 'personData.open'],
    ]);
    expect(await suite.bot.deps.roster.get(network.networkId, SARA.id)).toBeDefined();

    suite.connector.reset();
    const erased = (await press('personData.erase', ref)).value;
    expect(cardTexts(erased)).toEqual([
      `Personuppgifter: ${ERASED_NAME}`,
      'Raderat av Karin Ek: 2 uppgifter borttagna, 2 avidentifierade. Godkända anteckningar är oförändrade.',
      // A sync does not bring her back while she is in the chat; her open task is for the chair to give on.
      sv['personData.stillInChat'],
      sv['personData.openTasks'].replace('{count}', '1'),
      '- skickar ut enkäten (senast måndag 31 december 2035)',
    ]);
    // The chat's card loses her name for everyone; the list of tasks is the chair's.
    const updated = suite.connector.calls.filter((call) => call.method === 'PUT');
    expect(updated).toHaveLength(1);
    expect(cardTexts(attachmentCard(updated[0]!.body))).toEqual([
      `Personuppgifter: ${ERASED_NAME}`,
      'Raderat av Karin Ek: 2 uppgifter borttagna, 2 avidentifierade. Godkända anteckningar är oförändrade.',
      sv['personData.stillInChat'],
    ]);
    expect(JSON.stringify(updated[0]!.body)).not.toContain('Sara');
    expect(JSON.stringify(updated[0]!.body)).toContain(ERASED_NAME);

    // Nothing of hers is left in the network; its records stay whole.
    expect(await suite.bot.deps.roster.get(network.networkId, SARA.id)).toBeUndefined();
    expect((await press('personData.open', ref)).value).toBe(sv['personData.gone']);
    const left = await suite.bot.deps.personData.exportData(
      { aadObjectId: SARA.aadObjectId, userId: SARA.id },
      network.networkId,
    );
    expect(Object.values(left).flat()).toEqual([]);
    const attendance = await suite.bot.deps.attendance.list(meeting.meetingId);
    expect(attendance.map((a) => a.name)).toContain(ERASED_NAME);
    expect(JSON.stringify(attendance)).not.toContain('Sara');
    // Her open task stays in the records, reminding nobody, and no longer holds the meeting back from retention.
    const [task] = await suite.bot.deps.followUps.listForMeeting(network.networkId, meeting.meetingId);
    expect(task).toMatchObject({ status: 'open', owner: { kind: 'person', name: ERASED_NAME } });
    expect(task?.ownerErasedAt).toEqual(expect.any(String));
    expect(task?.reminders?.nextAt).toBeUndefined();
    // Her attendance stays under a random key: nothing derived from her ids finds it.
    const { resources } = await suite.bot.cosmos.containers.meetings.items
      .query({
        query: 'SELECT c.id, c.personKey FROM c WHERE c.meetingId = @m',
        parameters: [{ name: '@m', value: meeting.meetingId }],
      })
      .fetchAll();
    for (const key of [SARA.aadObjectId, SARA.id]) {
      expect(resources.map((d: { id: string }) => d.id)).not.toContain(attendanceId(meeting.meetingId, key));
      expect(JSON.stringify(resources)).not.toContain(key);
    }
  });

  it('exports everything stored about Sara, then erases it, keeping the records whole; chairs are refused', async () => {
    const meeting = await saraTakesPart('19:person-data@thread.v2');
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
    expect(exported.conversations.map((d) => d.document)).toEqual([
      expect.objectContaining({ status: 'active' }),
    ]);
    expect(exported.networks.map((d) => [d.kind, d.document.name])).toEqual([['member', 'Sara Lind']]);
    expect(exported.meetings.map((d) => d.kind).sort()).toEqual(['attendance', 'rsvp']);
    expect(exported.followUps.map((d) => d.document)).toEqual([
      expect.objectContaining({ owner: expect.objectContaining({ name: 'Sara Lind' }) }),
    ]);
    expect(JSON.stringify(exported)).not.toMatch(/"_(etag|rid|ts)"/);

    // Karin chairs this network and the one of the test before (same name): not erased until someone else does.
    expect(await people.erase({ aadObjectId: KARIN.aadObjectId, userId: KARIN.id })).toEqual({
      erased: false,
      holdsRoleIn: ['Socialchefsnätverket', 'Socialchefsnätverket'],
    });

    expect(await people.erase(sara)).toEqual({
      erased: true,
      deleted: 3,
      pseudonymised: 2,
      openFollowUps: [expect.objectContaining({ text: 'skickar ut enkäten', due: '2035-12-31' })],
    });
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

  it('answers for someone the records know only by name: found by the typed name, exported, erased', async () => {
    const meeting = await saraTakesPart('19:person-data-by-name@thread.v2');
    const { networkId } = network;
    // As imported minutes leave her: attendance keyed by her name, a task owned by name; and Karin's note naming her.
    const at = new Date().toISOString();
    await suite.bot.deps.attendance.record(
      {
        meetingId: meeting.meetingId,
        networkId,
        personKey: 'imported:eva ström',
        name: 'Eva Ström',
        organisation: 'Borås',
        updatedAt: at,
      },
      'chair',
    );
    await suite.bot.deps.followUps.create({
      networkId,
      followUpId: randomUUID(),
      meetingId: meeting.meetingId,
      owner: { kind: 'person', name: 'Eva Ström', organisation: 'Borås' },
      text: 'återkommer om avtalet',
      status: 'open',
      changes: [],
      revision: 0,
      createdBy: KARIN.aadObjectId,
      createdAt: at,
      updatedAt: at,
    });
    await say('anteckning Eva Ström berättade om avtalet.');

    expect((await say('personuppgifter Eva Okänd')).text).toBe(
      sv['personData.notFound'].replace('{name}', 'Eva Okänd'),
    );
    const closed = attachmentCard(await say('personuppgifter eva ström'));
    expect(cardTexts(closed)).toEqual(['Personuppgifter: Eva Ström', sv['personData.closedIntro'], 'Öppna']);
    const ref = actions(closed)[0]!.data!;
    expect(ref).toEqual({ networkId, name: 'Eva Ström' });
    expect((await press('personData.open', ref, JOHAN)).value).toBe(
      sv['personData.chairsOnly'].replace('{chairs}', 'Karin Ek'),
    );
    const opened = (await press('personData.open', ref)).value;
    expect(facts(opened)).toMatchObject({ 'Närvaro på möten': '1', Uppgifter: '1', Medlemskap: '0' });
    const exportUrl = actions(opened).find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
    const file = (await (await fetch(exportUrl)).json()) as Record<string, unknown>;
    expect(file.person).toEqual({ name: 'Eva Ström' });
    expect(JSON.stringify(file)).toContain('berättade om avtalet');

    await press('personData.erase', ref);
    const attendance = await suite.bot.deps.attendance.list(meeting.meetingId);
    expect(JSON.stringify(attendance)).not.toMatch(/eva ström/i);
    const tasks = await suite.bot.deps.followUps.listForMeeting(networkId, meeting.meetingId);
    expect(tasks.find((task) => task.text === 'återkommer om avtalet')?.owner).toEqual({
      kind: 'person',
      name: ERASED_NAME,
    });
    // Sara, with her ids, and Karin's note as typed are untouched.
    expect(attendance.map((a) => a.name)).toContain('Sara Lind');
    expect((await suite.bot.deps.notes.list(meeting.meetingId)).map((n) => n.text)).toContain(
      'Eva Ström berättade om avtalet.',
    );
    expect((await press('personData.open', ref)).value).toBe(sv['personData.gone']);
    // What erasures leave is no one's name.
    expect((await say(`personuppgifter ${ERASED_NAME}`)).text).toBe(
      sv['personData.notFound'].replace('{name}', ERASED_NAME),
    );
  });
});
