import { meetingStarting } from '../fixtures/meeting';
import { JOHAN, KARIN, SARA } from '../fixtures/members';
import { dataOf, linkOf } from '../helpers/card-actions';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

describe("the network's own minutes layout, chosen on the setup card", () => {
  const suite = withBotAndConnector();
  const chat = { current: undefined as unknown as Awaited<ReturnType<typeof setUpNetwork>> };
  const { say, press } = chatMember(suite, () => chat.current);

  it('is saved from the setup card, previewed there, and the next minutes follow it', async () => {
    chat.current = await setUpNetwork(suite.bot, suite.connector, '19:layout@thread.v2', {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
      attendanceLayout: 'flat',
      guestLayout: 'marked',
      itemMarks: 'p',
      closing: 'antecknat',
      secretaryTitle: 'Förbundssekreterare',
      itemTimes: 'false',
      placeLine: 'false',
    });
    const { network } = (await suite.bot.deps.networks.get(chat.current.networkId))!;
    expect(network.settings.minutesLayout).toEqual({
      attendance: 'flat',
      guests: 'marked',
      itemMarks: 'p',
      closing: 'antecknat',
      itemTimes: false,
      placeLine: false,
    });
    const setup = attachmentCard(await say('inställningar'));
    expect(cardProblems(setup ?? {})).toEqual([]);
    const preview = cardTexts(setup);
    expect(preview).toEqual(expect.arrayContaining(['Eva Ström, VGR (gäst), p 1, 3', 'Förbundssekreterare']));

    await suite.bot.deps.roster.setOrganisation(chat.current.networkId, SARA.id, 'Kungälv');
    const meeting = meetingStarting(chat.current.networkId, new Date(Date.now() + 3600_000), {
      items: [
        { title: 'Aktuellt läge', presenters: [], guests: [], slides: false },
        { title: 'Nära vård', presenters: [], guests: [], slides: false },
      ],
    });
    await suite.bot.deps.meetings.create(meeting);
    await say('starta möte');
    await press(
      'attendance.checkIn',
      { networkId: chat.current.networkId, meetingId: meeting.meetingId },
      SARA,
    );
    await press('attendance.addGuest', {
      networkId: chat.current.networkId,
      meetingId: meeting.meetingId,
      name: 'Linnea Winckler',
      organisation: 'VGR',
      items: '1, 2',
    });
    await say('avsluta möte');
    const summary = attachmentCard(await say('protokoll', JOHAN));
    const full = (await press('minutes.open', dataOf(summary, 'minutes.open'), JOHAN)).value;
    const markdown = await (await fetch(linkOf(full, 'Text (.md)'))).text();
    expect(markdown).toContain(
      '## NÄRVARANDE\n\n- Sara Lind, Kungälv\n- Linnea Winckler, VGR (gäst), p 1, 2\n',
    );
    expect(markdown).not.toContain('GÄSTER');
    expect(markdown).not.toContain('Digitalt möte via Teams');
    expect(markdown).toContain('Antecknat av  \nJohan Berg  \nFörbundssekreterare\n');
  });

  it('plans presenters with their organisations and sub-items on the form; decisions go on a sub-item', async () => {
    chat.current = await setUpNetwork(suite.bot, suite.connector, '19:layout-sub@thread.v2', {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
    });
    await suite.bot.deps.roster.setOrganisation(chat.current.networkId, SARA.id, 'VästKom');
    const when = 'i morgon 9-12';
    const saved = await press('meeting.save', {
      networkId: chat.current.networkId,
      meetingId: '',
      title: 'Nätverksmöte maj',
      when,
      mode: 'digital',
      agenda: [
        'Samverkan – Jeanette Andersson, VästKom och Björn Khalin VGR',
        'Korta punkter',
        '2a. Yrkesresan – Maria Ljung (GR)',
        '2b. Stödcentrum – Anna Svensson, Kungälvs kommun',
        '2c. Övrigt – Lena',
      ].join('\n'),
    });
    const savedTexts = cardTexts(saved.value);
    expect(savedTexts.join(' ')).toContain('Kontrollera: ”Lena” läste jag som en person som presenterar.');
    expect(savedTexts).toEqual(
      expect.arrayContaining([
        'Jeanette Andersson, VästKom, Björn Khalin, VGR',
        '2a. Yrkesresan · Maria Ljung, GR',
        '2b. Stödcentrum · Anna Svensson, Kungälvs kommun',
      ]),
    );
    const [meeting] = await suite.bot.deps.meetings.upcoming(chat.current.networkId, new Date());
    expect(meeting?.items[0]?.presenters).toEqual(['Jeanette Andersson, VästKom', 'Björn Khalin, VGR']);
    expect(meeting?.items[1]?.subItems?.map((sub) => sub.label)).toEqual(['a', 'b', 'c']);

    // Planned for tomorrow; moved to start within the hour, so it can be started now.
    const stored = (await suite.bot.deps.meetings.get(chat.current.networkId, meeting!.meetingId))!;
    await suite.bot.deps.meetings.replace(
      {
        ...stored.meeting,
        startsAt: new Date(Date.now() + 1800_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      },
      stored.etag,
    );
    await say('starta möte');
    const decision = attachmentCard(
      await say('beslut punkt 2b Nätverket ställer sig bakom stödcentrumet.', JOHAN),
    );
    expect(cardTexts(decision)).toContain('Beslut 1 · punkt 2b: Stödcentrum');
    expect((await say('beslut punkt 2d Något.', JOHAN)).text).toBe(
      'Dagordningen har punkterna 1–2. Skriv till exempel: beslut punkt 2 …',
    );
    await say('anteckning punkt 2a Maria berättar om Yrkesresan.', JOHAN);
    await say('avsluta möte');
    const summary = attachmentCard(await say('protokoll', JOHAN));
    const full = (await press('minutes.open', dataOf(summary, 'minutes.open'), JOHAN)).value;
    const markdown = await (await fetch(linkOf(full, 'Text (.md)'))).text();
    expect(markdown).toContain('## 1. Samverkan\n\nJeanette Andersson, VästKom och Björn Khalin, VGR\n');
    expect(markdown).toContain(
      '## 2. Korta punkter\n\n### 2a. Yrkesresan\n\nMaria Ljung, GR\n\nMaria berättar om Yrkesresan.\n\n### 2b. Stödcentrum\n\nAnna Svensson, Kungälvs kommun\n\n*Nätverket ställer sig bakom stödcentrumet.*\n\n### 2c. Övrigt\n\nLena\n',
    );
  });
});
