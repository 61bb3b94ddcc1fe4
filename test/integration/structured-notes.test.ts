import mammoth from 'mammoth';
import { meetingStarting } from '../fixtures/meeting';
import { JOHAN, KARIN } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard } from '../helpers/teams-activity';

type Action = { title?: string; url?: string; verb?: string; data?: Record<string, string> };
const actions = (card: unknown): Action[] => (card as { actions: Action[] }).actions;
const dataOf = (card: unknown, verb: string) => actions(card).find((a) => a.verb === verb)?.data ?? {};
const link = (card: unknown, title: string) => actions(card).find((a) => a.title === title)?.url ?? '';

describe('notes and decisions typed over several lines keep their structure in every output', () => {
  const suite = withBotAndConnector();
  const network = { current: undefined as unknown as Awaited<ReturnType<typeof setUpNetwork>> };
  const { say, press } = chatMember(suite, () => network.current);

  it('Teams text with line breaks, a bullet list, a numbered list, bold and italics; links and HTML stay text', async () => {
    network.current = await setUpNetwork(suite.bot, suite.connector, '19:structured@thread.v2', {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
    });
    const meeting = meetingStarting(network.current.networkId, new Date(Date.now() + 3600_000), {
      items: [{ title: 'Kompetensförsörjning', presenters: [], guests: [], slides: false }],
    });
    await suite.bot.deps.meetings.create(meeting);
    await say('starta möte', JOHAN);
    await say(
      'anteckning punkt 1 Sara informerar om arbetsgruppen, som ska:\r\n- utveckla **metoder**\r\n- etablera ett _branschråd_\r\n\r\nLäs mer [här](https://elak.example) eller <a href="https://elak.example">här</a>.',
      JOHAN,
    );
    await say(
      'beslut punkt 1 Nätverket beslutar att:\n1. ställa sig bakom uppdraget\n2. återkomma i maj',
      JOHAN,
    );
    await say('avsluta möte', JOHAN);

    const summary = attachmentCard(await say('protokoll', JOHAN));
    const full = (await press('minutes.open', dataOf(summary, 'minutes.open'), JOHAN)).value;
    const markdown = await (await fetch(link(full, 'Text (.md)'))).text();
    expect(markdown).toContain(
      [
        'Sara informerar om arbetsgruppen, som ska:',
        '',
        '- utveckla **metoder**',
        '- etablera ett *branschråd*',
        '',
        'Läs mer \\[här\\](https://elak.example) eller \\<a href="https://elak.example"\\>här\\</a\\>.',
        '',
        '*Nätverket beslutar att:*',
        '',
        '1. *ställa sig bakom uppdraget*',
        '2. *återkomma i maj*',
      ].join('\n'),
    );
    const html = (
      await mammoth.convertToHtml({
        buffer: Buffer.from(await (await fetch(link(full, 'Word (.docx)'))).arrayBuffer()),
      })
    ).value;
    expect(html).toContain(
      '<ul><li>utveckla <strong>metoder</strong></li><li>etablera ett <em>branschråd</em></li></ul>',
    );
    expect(html).toContain(
      '<ol><li><em>ställa sig bakom uppdraget</em></li><li><em>återkomma i maj</em></li></ol>',
    );
    expect(html).not.toContain('<a ');
    // In the card: the list items are their own blocks, and the typed link is a text run, never a link.
    const card = JSON.stringify(full);
    expect(card).toContain(
      '{"type":"TextRun","text":"• "},{"type":"TextRun","text":"utveckla "},{"type":"TextRun","text":"metoder","weight":"Bolder"}',
    );
    expect(card).not.toMatch(/\]\(https:\/\/elak/);
  });
});
