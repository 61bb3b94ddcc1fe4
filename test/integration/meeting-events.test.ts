import { sv } from '../../src/i18n/sv';
import { ANDERS, KARIN, SARA, fromMember } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { participantJoin } from '../fixtures/participant-join';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts, teamsActivity, type ActivityJson } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';

const start = (serviceUrl: string) => teamsActivity('event-meeting-start', serviceUrl);
const MEETING_CHAT = start('x').conversation;
const TEAMS_MEETING_ID = (start('x').channelData as { meeting: { id: string } }).meeting.id;
// The same Teams meeting as the events' JoinUrl, written the way the calendar shows it (decoded, no query).
const CALENDAR_JOIN_URL =
  'https://teams.microsoft.com/l/meetup-join/19:meeting_NzQxYjI0ZjEtYzE2Ni00NWQ5LWI5ZWEtNmQ0MzU4ZGJiYjFh@thread.v2/0';

describe('Teams meeting events and linking the meeting chat', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const networkChat = chatMember(suite, () => network);
  const meetingChat = chatMember(suite, () => ({ conversation: MEETING_CHAT }));
  const send = async (activity: ActivityJson) => {
    const response = await postActivity(suite.bot, activity);
    expect(response.status).toBe(200);
  };
  const meeting = async () => (await suite.bot.deps.meetings.upcoming(network.networkId, new Date()))[0];

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:events-${counter}@thread.v2`);
    // Point the shared meeting chat away from earlier tests' meetings; tests link it with relink() or use their own chat id.
    await suite.bot.deps.meetingLinks.save({
      meetingChatId: MEETING_CHAT.id,
      networkId: 'none',
      meetingId: 'none',
      linkedAt: '',
    });
    await networkChat.press('meeting.save', {
      networkId: network.networkId,
      meetingId: '',
      title: 'Nätverksmöte',
      // Later tests plan nearer meetings: the same Teams link then finds this test's meeting, as in a recurring series.
      when: `${new Date(Date.now() + (300 - counter * 10) * 24 * 3600_000).toISOString().slice(0, 10)} 9-12`,
      mode: 'digital',
      joinUrl: CALENDAR_JOIN_URL,
      place: '',
      agenda: 'Aktuellt läge',
    });
    suite.connector.reset();
  });

  const relink = async () => {
    const m = await meeting();
    await suite.bot.deps.meetingLinks.save({
      meetingChatId: MEETING_CHAT.id,
      networkId: network.networkId,
      meetingId: m!.meetingId,
      linkedAt: '',
    });
  };

  it('meetingStart links the chat by the join link, starts the meeting and opens check-in there, once', async () => {
    // A fresh meeting chat id for this test, so the link is made from the event's JoinUrl.
    const chatId = `19:meeting_fresh-${counter}@thread.v2`;
    const event = { ...start(suite.connector.serviceUrl), conversation: { ...MEETING_CHAT, id: chatId } };
    await send(event);
    await suite.connector.waitForCalls(1);
    expect(suite.connector.calls[0]?.conversationId).toBe(chatId);
    expect(cardTexts(attachmentCard(suite.connector.sent[0] ?? {}))).toContain('Nätverksmöte har börjat');
    expect(await suite.bot.deps.meetingLinks.get(chatId)).toMatchObject({
      networkId: network.networkId,
      teamsMeetingId: TEAMS_MEETING_ID,
    });
    expect((await meeting())?.status).toBe('started');
    await send({ ...event, id: 'f:redelivered' });
    await suite.bot.idle();
    expect(suite.connector.sent).toHaveLength(1);
  });

  it('records join and leave events as attendance, once per person, and lists them in the meeting chat', async () => {
    await relink();
    await send(start(suite.connector.serviceUrl));
    const join = teamsActivity('event-meeting-participant-join', suite.connector.serviceUrl);
    await send(join);
    await send({ ...join, id: 'f:again' });
    await send(teamsActivity('event-meeting-participant-leave', suite.connector.serviceUrl));
    const records = await suite.bot.deps.attendance.list((await meeting())!.meetingId);
    expect(records).toEqual([
      expect.objectContaining({
        personKey: SARA.aadObjectId,
        name: 'Sara Lind',
        present: true,
        sources: ['joinEvent', 'leaveEvent'],
        leftAt: expect.any(String),
      }),
    ]);
    const listed = cardTexts(attachmentCard(await meetingChat.say('närvaro', ANDERS)));
    expect(listed.slice(listed.indexOf('NÄRVARANDE'), listed.indexOf('GÄSTER'))).toEqual([
      'NÄRVARANDE',
      'Sara Lind',
    ]);
  });

  it('lets members check in from the card in the meeting chat, and meetingEnd closes the meeting with a summary', async () => {
    await relink();
    await send(start(suite.connector.serviceUrl));
    await suite.connector.waitForCalls(1);
    const m = (await suite.bot.deps.meetingLinks.get(MEETING_CHAT.id))!;
    expect(
      (
        await meetingChat.press(
          'attendance.checkIn',
          { networkId: m.networkId, meetingId: m.meetingId },
          KARIN,
        )
      ).value,
    ).toBe('Tack, Karin Ek: du är registrerad som närvarande.');
    suite.connector.reset();
    await send(teamsActivity('event-meeting-end', suite.connector.serviceUrl));
    await suite.connector.waitForCalls(1);
    expect(suite.connector.sent[0]).toMatchObject({
      text: [
        '<at>Karin Ek</at>: Mötet Nätverksmöte är avslutat. Närvarande: 1.',
        '',
        'Det här saknas för protokollet:',
        '- punkter utan beslut, anteckning eller uppgift: 1. Aktuellt läge',
        '- inte incheckade (rätta med ”närvaro” om de var med): Anders Holm, Johan Berg, Sara Lind',
      ].join('\n'),
      entities: [
        { type: 'mention', text: '<at>Karin Ek</at>', mentioned: { id: KARIN.id, name: 'Karin Ek' } },
      ],
    });
    expect(await suite.bot.deps.meetings.get(network.networkId, m.meetingId)).toMatchObject({
      meeting: { status: 'ended' },
    });
  });

  it('ignores events from a meeting chat that is not linked and whose join link matches nothing', async () => {
    const chatId = `19:meeting_unknown-${counter}@thread.v2`;
    const other = {
      ...start(suite.connector.serviceUrl),
      conversation: { ...MEETING_CHAT, id: chatId },
      value: {
        ...(start('x').value as object),
        JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_other%40thread.v2/0',
      },
    };
    await send(other);
    await send({
      ...teamsActivity('event-meeting-participant-join', suite.connector.serviceUrl),
      conversation: { ...MEETING_CHAT, id: chatId },
    });
    await suite.bot.idle();
    expect(suite.connector.calls).toEqual([]);
    expect(await suite.bot.deps.meetingLinks.get(chatId)).toBeUndefined();
    expect((await meeting())?.status).toBe('planned');
  });

  it('"koppla" in a meeting chat links it through the meeting info API, for chairs and the secretary only', async () => {
    const chatId = `19:meeting_koppla-${counter}@thread.v2`;
    const say = async (text: string, from = KARIN) => {
      suite.connector.reset();
      await send(
        teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
          text: `<at>Anteckna</at> ${text}`,
          conversation: { ...MEETING_CHAT, id: chatId },
          from: fromMember(from),
          channelData: { tenant: { id: 't' }, meeting: { id: 'teams-meeting-koppla' } },
        }),
      );
      await suite.connector.waitForCalls(1);
      return suite.connector.sent[0]?.text;
    };
    expect(await say('koppla')).toBe(sv['link.noMatch']);
    suite.connector.meetingInfo.set('teams-meeting-koppla', {
      details: { joinUrl: (start('x').value as { JoinUrl: string }).JoinUrl },
    });
    expect(await say('koppla', ANDERS)).toBe(
      'Bara ordförande och sekreterare (Karin Ek) kan göra det under mötet.',
    );
    expect(await suite.bot.deps.meetingLinks.get(chatId)).toBeUndefined();
    expect(await say('koppla')).toBe(
      'Det här Teams-mötet är kopplat till Nätverksmöte i Socialchefsnätverket. Närvaron registreras här.',
    );
    expect(await suite.bot.deps.meetingLinks.get(chatId)).toMatchObject({ networkId: network.networkId });
    expect((await networkChat.say('koppla')).text).toBe(sv['link.notMeetingChat']);
  });

  it('links a meeting chat as soon as the bot is added to it, when its join link is a planned meeting', async () => {
    const install = (chatId: string, teamsMeetingId: string) =>
      teamsActivity('installation-update-group-chat', suite.connector.serviceUrl, {
        conversation: { ...MEETING_CHAT, id: chatId },
        channelData: { tenant: { id: 't' }, meeting: { id: teamsMeetingId } },
      });
    const joinUrl = (start('x').value as { JoinUrl: string }).JoinUrl;
    suite.connector.meetingInfo.set(`teams-meeting-install-${counter}`, { details: { joinUrl } });
    const chatId = `19:meeting_install-${counter}@thread.v2`;
    await send(install(chatId, `teams-meeting-install-${counter}`));
    await suite.connector.waitForCalls(1);
    expect(suite.connector.sent.map((a) => a.text)).toEqual([
      'Det här Teams-mötet är kopplat till Nätverksmöte i Socialchefsnätverket. Närvaron registreras här.',
    ]);
    expect(await suite.bot.deps.meetingLinks.get(chatId)).toMatchObject({ networkId: network.networkId });

    // A Teams meeting no planned meeting has (Teams answers 404): the ordinary welcome and setup card.
    suite.connector.reset();
    const otherChat = `19:meeting_unplanned-${counter}@thread.v2`;
    await send(install(otherChat, `teams-meeting-unknown-${counter}`));
    await suite.connector.waitForCalls(2);
    expect(cardTexts(attachmentCard(suite.connector.sent[1] ?? {})).length).toBeGreaterThan(0);
    expect(await suite.bot.deps.meetingLinks.get(otherChat)).toBeUndefined();
  });

  it("lets the Teams meeting's Organizer run the meeting in its chat, asking Teams each time", async () => {
    await relink();
    await send(start(suite.connector.serviceUrl));
    await suite.connector.waitForCalls(1);
    const decide = async (text: string) => {
      suite.connector.reset();
      await send(
        teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
          id: `1${Date.now()}${Math.round(Math.random() * 1e6)}`,
          text: `<at>Anteckna</at> ${text}`,
          conversation: MEETING_CHAT,
          from: fromMember(ANDERS),
          channelData: { tenant: { id: 't' }, meeting: { id: TEAMS_MEETING_ID } },
        }),
      );
      await suite.connector.waitForCalls(1);
      return suite.connector.sent[0] ?? {};
    };
    suite.connector.meetingRoles.set(`${TEAMS_MEETING_ID}/${ANDERS.aadObjectId}`, 'Attendee');
    expect((await decide('beslut Något')).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek) kan göra det under mötet.',
    );
    suite.connector.meetingRoles.set(`${TEAMS_MEETING_ID}/${ANDERS.aadObjectId}`, 'Organizer');
    expect(
      cardTexts(attachmentCard(await decide('beslut Nätverket ställer sig bakom uppdraget.'))),
    ).toContain('Nätverket ställer sig bakom uppdraget.');
    expect(await suite.bot.deps.decisions.list((await meeting())!.meetingId)).toHaveLength(1);
  });

  it('leaves someone only Teams saw join out of the minutes until the chair includes them, from the end message', async () => {
    await relink();
    await send(start(suite.connector.serviceUrl));
    const join = teamsActivity('event-meeting-participant-join', suite.connector.serviceUrl);
    await send(participantJoin(suite.connector.serviceUrl, 'Eva Ström', '9901'));
    await send(participantJoin(suite.connector.serviceUrl, 'Per Okänd', '9902'));
    await send(join);
    suite.connector.reset();
    await networkChat.say('avsluta möte');
    await suite.connector.waitForCalls(3);
    const [summary, ...cards] = suite.connector.sent;
    expect(String(summary?.text)).toContain(
      'Var med i Teams-mötet men finns varken i nätverket eller på dagordningen (kommer inte med i anteckningarna förrän du tar med dem): Eva Ström, Per Okänd',
    );
    const titles = cards
      .map((card) => cardTexts(attachmentCard(card)))
      .filter((t) => t.includes('Ta med som gäst'));
    expect(titles.map((t) => t[0])).toEqual([
      'Eva Ström var med i Teams-mötet',
      'Per Okänd var med i Teams-mötet',
    ]);
    const m = (await meeting()) ?? (await suite.bot.deps.meetings.held(network.networkId))[0]!;
    const ref = { networkId: network.networkId, meetingId: m.meetingId };
    const included = await networkChat.press('attendance.include', {
      ...ref,
      person: '0b1c2d3e-0000-4000-8000-000000009901',
      organisation: 'VGR',
      items: '1',
    });
    expect(cardTexts(included.value)).toContain('Eva Ström kommer med i anteckningarna som gäst.');
    expect(
      (await networkChat.press('attendance.include', { ...ref, person: 'made-up', organisation: 'X' })).value,
    ).toBe(sv['card.stale']);
    const leftOut = await networkChat.press('attendance.leaveOut', {
      ...ref,
      person: '0b1c2d3e-0000-4000-8000-000000009902',
    });
    expect(cardTexts(leftOut.value)).toContain('Per Okänd lämnas utanför anteckningarna.');

    const minutes = (await suite.bot.deps.minutes.latest(m.meetingId))?.minutes.minutes;
    // The draft offered at the end was made before: the next one has Eva as a guest and not Per.
    expect(JSON.stringify(minutes)).not.toContain('Eva Ström');
    const draft = attachmentCard(await networkChat.say('protokoll'));
    expect(draft).toBeDefined();
    const next = (await suite.bot.deps.minutes.latest(m.meetingId))?.minutes.minutes;
    expect(next?.guests).toEqual([{ name: 'Eva Ström', organisation: 'VGR', items: [1] }]);
    expect(JSON.stringify(next)).not.toContain('Per Okänd');
  });
});
