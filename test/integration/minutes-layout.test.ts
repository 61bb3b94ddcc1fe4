import { meetingStarting } from '../fixtures/meeting';
import { JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

type Action = { title?: string; url?: string; verb?: string; data?: Record<string, string> };
const actions = (card: unknown): Action[] => (card as { actions: Action[] }).actions;
const dataOf = (card: unknown, verb: string) => actions(card).find((a) => a.verb === verb)?.data ?? {};
const link = (card: unknown, title: string) => actions(card).find((a) => a.title === title)?.url ?? '';

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
    const markdown = await (await fetch(link(full, 'Text (.md)'))).text();
    expect(markdown).toContain(
      '## NÄRVARANDE\n\n- Sara Lind, Kungälv\n- Linnea Winckler, VGR (gäst), p 1, 2\n',
    );
    expect(markdown).not.toContain('GÄSTER');
    expect(markdown).not.toContain('Digitalt möte via Teams');
    expect(markdown).toContain('Antecknat av  \nJohan Berg  \nFörbundssekreterare\n');
  });
});
