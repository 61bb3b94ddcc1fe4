import mammoth from 'mammoth';
import { meetingStarting } from '../fixtures/meeting';
import { JOHAN, KARIN, SARA } from '../fixtures/members';
import { dataOf, linkOf } from '../helpers/card-actions';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';

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
    const markdown = await (await fetch(linkOf(full, 'Text (.md)'))).text();
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
        buffer: Buffer.from(await (await fetch(linkOf(full, 'Word (.docx)'))).arrayBuffer()),
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

  it("offers a note's decision sentence as a decision: one press records it on that item, once; members refused", async () => {
    network.current = await setUpNetwork(suite.bot, suite.connector, '19:structured-offer@thread.v2', {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
    });
    const meeting = meetingStarting(network.current.networkId, new Date(Date.now() + 3600_000), {
      items: [
        { title: 'Aktuellt läge', presenters: [], guests: [], slides: false },
        { title: 'Branschråd', presenters: [], guests: [], slides: false },
      ],
    });
    await suite.bot.deps.meetings.create(meeting);
    await say('starta möte', JOHAN);
    const answer = attachmentCard(
      await say(
        'anteckning punkt 2 Sara presenterar förslaget. Nätverket tycker att förslaget är bra och nominerar Kungälv till styrgruppen. Nätverket beslutar att återkomma i maj.',
        JOHAN,
      ),
    );
    const texts = cardTexts(answer);
    expect(texts).toEqual([
      'Anteckningen är sparad under punkt 2: Branschråd.',
      'De här meningarna låter som beslut. Vill du anteckna någon av dem som beslut på samma punkt?',
      'Nätverket tycker att förslaget är bra och nominerar Kungälv till styrgruppen.',
      'Anteckna som beslut',
      'Nätverket beslutar att återkomma i maj.',
      'Anteckna som beslut',
    ]);
    // Nothing recorded until she presses.
    expect(await suite.bot.deps.decisions.list(meeting.meetingId)).toEqual([]);
    const offer = JSON.stringify(answer).match(/"verb":"note\.asDecision","data":(\{[^}]+\})/)?.[1] ?? '{}';
    const data = JSON.parse(offer) as Record<string, string>;
    expect((await press('note.asDecision', data, SARA)).value).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    const recorded = await press('note.asDecision', data, JOHAN);
    expect(cardTexts(recorded.value)).toContain('Beslut 1 · punkt 2: Branschråd');
    expect((await press('note.asDecision', data, JOHAN)).value).toBe(
      'Den meningen är redan antecknad som beslut.',
    );
    const second = await press('note.asDecision', { ...data, sentence: '1' }, JOHAN);
    expect(cardTexts(second.value)).toContain('Beslut 2 · punkt 2: Branschråd');
    expect((await press('note.asDecision', { ...data, sentence: '3' }, JOHAN)).value).toBe(
      'Kortet är inaktuellt eller har ändrats. Skriv hjälp för att få ett nytt.',
    );
    expect((await suite.bot.deps.decisions.list(meeting.meetingId)).map((d) => [d.item, d.text])).toEqual([
      [2, 'Nätverket tycker att förslaget är bra och nominerar Kungälv till styrgruppen.'],
      [2, 'Nätverket beslutar att återkomma i maj.'],
    ]);
  });
});
