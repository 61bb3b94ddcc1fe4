import { DateTime } from 'luxon';
import mammoth from 'mammoth';
import { sv } from '../../src/i18n/sv';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

type Action = { type: string; title?: string; url?: string; verb?: string; data?: Record<string, string> };
const actions = (card: unknown): Action[] => (card as { actions: Action[] }).actions;
const link = (card: unknown, title: string) => actions(card).find((a) => a.title === title)?.url ?? '';
/** The texts of each emphasised container: how the card sets decisions apart, with their runs in italics. */
const decisionsOf = (card: unknown): string[][] => {
  const found: string[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as { type?: string; style?: string; items?: unknown[] };
      if (element.type === 'Container' && element.style === 'emphasis') {
        expect(JSON.stringify(element.items)).not.toMatch(
          /"type":"TextRun","text":"[^"]+"(?!,"italic":true)/,
        );
        found.push(cardTexts(element.items));
      } else Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
};
const dataOf = (card: unknown, verb: string) => actions(card).find((a) => a.verb === verb)?.data ?? {};

describe('minutes after the meeting', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  let meetingId = '';
  const { say, press } = chatMember(suite, () => network);

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:minutes-${counter}@thread.v2`, {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
      // Here Karin's organisation plays the association: its staff are listed apart.
      staffOrganisation: 'Ale',
    });
    await suite.bot.deps.roster.setOrganisation(network.networkId, SARA.id, 'Kungälv');
    await suite.bot.deps.roster.setOrganisation(network.networkId, KARIN.id, 'Ale');
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3600_000), {
      title: 'Nätverksmöte november',
      items: [
        { title: 'Aktuellt läge', presenters: ['Lena Holmlund'], guests: [], slides: true },
        { title: 'Nära vård', presenters: [], guests: [], slides: false },
      ],
    });
    meetingId = meeting.meetingId;
    await suite.bot.deps.meetings.create(meeting);
    await say('starta möte');
    await press('attendance.checkIn', { networkId: network.networkId, meetingId }, SARA);
    await press('attendance.checkIn', { networkId: network.networkId, meetingId }, KARIN);
    await say('beslut punkt 1 Nätverket ställer sig bakom uppdraget.');
    await say('anteckning punkt 1 Lena informerar om läget.');
    await say('uppgift punkt 2 Kungälv återkommer senast 31 december 2035');
  });

  it('offers a draft when the meeting ends; its files download through signed links only', async () => {
    await say('avsluta möte');
    await suite.connector.waitForCalls(2);
    const summary = attachmentCard(suite.connector.sent[1] ?? {});
    expect(cardProblems(summary ?? {})).toEqual([]);
    // The chat sees that a draft exists, not its text or files.
    expect(cardTexts(summary).some((t) => t.includes('NÄRVARANDE'))).toBe(false);
    expect(actions(summary).map((a) => a.type)).toEqual(['Action.Execute']);
    expect((await press('minutes.open', dataOf(summary, 'minutes.open'), ANDERS)).value).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    const card = (await press('minutes.open', dataOf(summary, 'minutes.open'), JOHAN)).value;
    expect(cardProblems(card as Record<string, unknown>)).toEqual([]);
    const texts = [...cardTexts(summary), ...cardTexts(card)];
    expect(texts).toEqual(
      expect.arrayContaining([
        sv['minutes.offer'],
        expect.stringMatching(/^Anteckningar, Nätverksmöte november \d+ \w+ \d{4}$/),
        'Utkast, version 1. Granska och godkänn; först då publiceras det i nätverkets chatt.',
      ]),
    );
    // The minutes are card elements: each heading its own block, lists under them, decisions set apart.
    const body = cardTexts(card);
    const after = (first: string, ...next: string[]) => {
      const at = body.indexOf(first);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(body.slice(at, at + 1 + next.length)).toEqual([first, ...next]);
    };
    after('NÄRVARANDE', 'Nätverket', '- Sara Lind, Kungälv', 'Ale', '- Karin Ek');
    after('1. Aktuellt läge (bilder finns)', 'Lena Holmlund', 'Lena informerar om läget.', 'Beslut');
    after('Vid anteckningarna,', 'Johan Berg');
    expect(body).toContain('- Kungälv: återkommer, senast 31 december 2035');
    expect(decisionsOf(card)).toEqual([['Beslut', 'Nätverket ställer sig bakom uppdraget.']]);

    const word = await fetch(link(card, 'Word (.docx)'));
    expect(word.status).toBe(200);
    expect(word.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(word.headers.get('content-disposition')).toMatch(
      /filename\*=UTF-8''Anteckningar-\d{4}-\d{2}-\d{2}-v1\.docx/,
    );
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await word.arrayBuffer()) })).value;
    expect(html).toContain('<h1>1. Aktuellt läge (bilder finns)</h1>');
    expect(html).toContain('<em>Nätverket ställer sig bakom uppdraget.</em>');

    const markdown = await fetch(link(card, 'Text (.md)'));
    expect(await markdown.text()).toContain('## 1. Aktuellt läge (bilder finns)');

    const url = new URL(link(card, 'Word (.docx)'));
    const bytes = Buffer.from(url.searchParams.get('token') ?? '', 'base64url');
    const forged = Buffer.from(bytes);
    forged[20] = forged[20]! ^ 1;
    for (const token of [forged.toString('base64url'), 'garbage', `${bytes.toString('base64url')}.x`]) {
      const refused = await fetch(`${url.origin}${url.pathname}?token=${token}`);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('Nätverket');
    }
  });

  it('"protokoll" is for chairs and the secretary; approval publishes, and a correction is a new version', async () => {
    await say('avsluta möte');
    expect((await say('protokoll', ANDERS)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    expect((await say('protokoll 2020-01-01', JOHAN)).text).toBe(
      'Jag hittar inget hållet möte den 2020-01-01. Skriv datumet som 2026-11-20, eller bara ”protokoll” för det senaste.',
    );
    const draftSummary = attachmentCard(await say('protokoll', JOHAN));
    const draft = (await press('minutes.open', dataOf(draftSummary, 'minutes.open'), JOHAN)).value;
    // Still version 1: the draft offered at the end is rewritten, not multiplied.
    expect(cardTexts(draft)).toContain(
      'Utkast, version 1. Granska och godkänn; först då publiceras det i nätverkets chatt.',
    );
    const approve = dataOf(draft, 'minutes.approve');
    expect((await press('minutes.approve', approve, ANDERS)).value).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    suite.connector.reset();
    const approved = await press('minutes.approve', approve, JOHAN);
    expect(cardTexts(approved.value)).toEqual(
      expect.arrayContaining([sv['minutes.approved'], 'Godkänd version 1 (Johan Berg).']),
    );
    expect(actions(approved.value).map((a) => a.verb ?? a.type)).not.toContain('minutes.approve');
    // Posted for the whole network.
    expect(suite.connector.sent.map((a) => cardTexts(attachmentCard(a)))).toEqual([
      expect.arrayContaining(['Godkänd version 1 (Johan Berg).']),
    ]);
    expect(cardTexts((await press('minutes.approve', approve, JOHAN)).value)).toContain(
      sv['minutes.alreadyApproved'],
    );
    // Members may fetch fresh links of approved minutes.
    expect(cardTexts((await press('minutes.links', dataOf(draft, 'minutes.links'), ANDERS)).value)).toContain(
      sv['minutes.linksFresh'],
    );

    // A correction after approval (here: a decision added to that day's meeting) is a new version; the approved one
    // stays.
    const meeting = await suite.bot.deps.meetings.get(network.networkId, meetingId);
    const day = DateTime.fromObject(meeting!.meeting.date).toISODate();
    await say(`möte ${day} beslut punkt 2 Nätverket återkommer i frågan.`, KARIN);
    const correction = attachmentCard(await say('protokoll', KARIN));
    expect(cardTexts(correction)).toContain(
      'Utkast, version 2. Granska och godkänn; först då publiceras det i nätverkets chatt.',
    );
    expect((await suite.bot.deps.minutes.get(meetingId, 1))?.minutes.status).toBe('approved');
    expect((await suite.bot.deps.minutes.get(meetingId, 2))?.minutes.status).toBe('draft');
  });
});
