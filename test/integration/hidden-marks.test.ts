import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { storedDocuments } from '../helpers/stored-documents';

const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/;

/** Text with marks that reorder or hide characters, typed in every place text enters: none of it reaches a record. */
describe('text that cannot rearrange a line', () => {
  const suite = withBotAndConnector();
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);

  beforeAll(async () => {
    const chatId = '19:hidden-marks@thread.v2';
    // A display name in Teams with a right-to-left override in it.
    suite.connector.members.set(chatId, [KARIN, JOHAN, { ...SARA, name: 'Sara \u202ELind' }, ANDERS]);
    network = await setUpNetwork(suite.bot, suite.connector, chatId);
  });

  it('a title with U+202E renders the minutes’ date line as written, and nothing stored holds a hidden mark', async () => {
    await press('meeting.save', {
      networkId: network.networkId,
      meetingId: '',
      title: 'Nätverksmöte \u202Erebmevon',
      when: '2026-11-20 9-12',
      held: 'true',
      mode: 'digital',
      joinUrl: '',
      place: '',
      agenda: '1. Aktuellt \u2066läge\u2069\n2. Nära\u200B vård',
    });
    await say('möte 2026-11-20 beslut punkt 1 Nätverket \u202Dgodkänner\u202C planen.');
    await say('möte 2026-11-20 anteckning punkt 2 Sara\u200D informerar.');
    const minutes = await say('möte 2026-11-20 protokoll');
    const card = attachmentCard(minutes);
    const texts = cardTexts(card);
    expect(texts).toContain('Anteckningar, Nätverksmöte rebmevon 20 november 2026');
    expect(JSON.stringify(card)).not.toMatch(HIDDEN);

    const stored = Object.values(await storedDocuments(suite.bot.cosmos))
      .flat()
      .map((doc) => JSON.stringify(doc));
    expect(stored.filter((doc) => HIDDEN.test(doc))).toEqual([]);
    expect(stored.some((doc) => doc.includes('Sara Lind'))).toBe(true);
    expect(stored.some((doc) => doc.includes('Nätverket godkänner planen.'))).toBe(true);
  });
});
