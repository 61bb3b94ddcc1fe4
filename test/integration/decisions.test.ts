import { sv } from '../../src/i18n/sv';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, fromMember } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts, inputValue, teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';
import { cardProblems } from '../helpers/validate-card';

describe('decisions during the meeting', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  let meetingId = '';
  const { say, sayRedelivered, press } = chatMember(suite, () => network);
  const decisions = () => suite.bot.deps.decisions.list(meetingId);
  const cardData = (activity: Record<string, unknown>) =>
    (
      attachmentCard(activity) as { actions: { verb?: string; data?: Record<string, string> }[] }
    ).actions.find((a) => a.verb === 'decision.undo')?.data ?? {};

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:decisions-${counter}@thread.v2`, {
      chairs: `${KARIN.aadObjectId},${JOHAN.aadObjectId}`,
    });
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3600_000), {
      items: [
        { title: 'Aktuellt läge', presenters: [], guests: [], slides: false },
        { title: 'Nära vård', presenters: [], guests: [], slides: false },
      ],
    });
    meetingId = meeting.meetingId;
    await suite.bot.deps.meetings.create(meeting);
  });

  it('records decisions numbered per meeting, on the named or the current item, set apart in italics', async () => {
    expect((await say('beslut punkt 1 X')).text).toBe(
      'Mötet Nätverksmöte har inte startats. Skriv ”starta möte” först.',
    );
    await say('starta möte');
    const first = await say('beslut punkt 1 Nätverket ställer sig bakom uppdraget.');
    expect(cardProblems(attachmentCard(first) ?? {})).toEqual([]);
    expect(cardTexts(attachmentCard(first))).toEqual(
      expect.arrayContaining(['Beslut 1 · punkt 1: Aktuellt läge', 'Nätverket ställer sig bakom uppdraget.']),
    );
    expect((await say('punkt 2')).text).toBe('Aktuell punkt: 2. Nära vård');
    const second = await say('beslut GR tar med sig frågan.');
    expect(cardTexts(attachmentCard(second))).toContain('Beslut 2 · punkt 2: Nära vård');
    // The wording as text runs in italics: nothing typed is read as Markdown.
    expect(JSON.stringify(attachmentCard(first))).toContain(
      '{"type":"TextRun","text":"Nätverket ställer sig bakom uppdraget.","italic":true',
    );
    expect((await decisions()).map((d) => [d.number, d.item, d.text])).toEqual([
      [1, 1, 'Nätverket ställer sig bakom uppdraget.'],
      [2, 2, 'GR tar med sig frågan.'],
    ]);
  });

  it('records a command delivered twice once, with one card', async () => {
    await say('starta möte');
    const answers = await sayRedelivered('beslut Nätverket ställer sig bakom uppdraget.');
    expect(await decisions()).toHaveLength(1);
    expect(answers).toHaveLength(1);
  });

  it('refuses members without the right, items not on the agenda and empty decisions, storing nothing', async () => {
    await say('starta möte');
    expect((await say('beslut Något', ANDERS)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    expect((await say('beslut punkt 3 Något')).text).toBe(
      'Dagordningen har punkterna 1–2. Skriv till exempel: beslut punkt 2 …',
    );
    expect((await say('beslut punkt 2')).text).toBe(sv['decision.empty']);
    expect((await say('punkt 9')).text).toBe('Skriv punktens nummer, 1–2, till exempel: punkt 2');
    expect(await decisions()).toEqual([]);
  });

  it('edits keep the earlier text; of two edits of the same version one wins and the other gets the fresh card', async () => {
    await say('starta möte');
    const data = cardData(await say('beslut punkt 1 Första lydelsen.'));
    const edited = await press('decision.edit', { ...data, text: 'Andra lydelsen.' });
    expect(cardTexts(edited.value)).toContain('Andra lydelsen.');
    expect((await decisions())[0]).toMatchObject({
      text: 'Andra lydelsen.',
      previous: [{ text: 'Första lydelsen.' }],
    });

    const fresh =
      (edited.value as { actions: { verb?: string; data?: Record<string, string> }[] }).actions.find(
        (a) => a.verb === 'decision.undo',
      )?.data ?? {};
    const [a, b] = await Promise.all([
      press('decision.edit', { ...fresh, text: 'Lydelse A.' }, KARIN),
      press('decision.edit', { ...fresh, text: 'Lydelse B.' }, JOHAN),
    ]);
    const texts = [a, b].map((body) => cardTexts(body.value));
    const losers = texts.filter((card) => card.includes(sv['decision.conflict']));
    expect(losers).toHaveLength(1);
    const winner = (await decisions())[0];
    expect(['Lydelse A.', 'Lydelse B.']).toContain(winner?.text);
    expect(losers[0]).toContain(winner?.text);
    expect(winner?.previous.map((p) => p.text)).toEqual(['Första lydelsen.', 'Andra lydelsen.']);
  });

  it('undoes a decision from its card, and refuses a card of another network', async () => {
    await say('starta möte');
    const data = cardData(await say('beslut Ångras snart.'));
    expect((await press('decision.undo', { ...data, networkId: 'net-other' })).value).toBe(sv['card.stale']);
    const undone = await press('decision.undo', data);
    expect(cardTexts(undone.value)).toContain(sv['decision.undone']);
    expect((await decisions())[0]?.status).toBe('undone');
  });

  it('keeps notes under the named or current item, once per delivery', async () => {
    await say('starta möte');
    expect((await say('anteckning punkt 2 Anna efterfrågar kontaktpersoner för Nära vård.')).text).toBe(
      'Anteckningen är sparad under punkt 2: Nära vård.',
    );
    await say('punkt 1');
    expect((await say('anteckning Lena informerar om läget.')).text).toBe(
      'Anteckningen är sparad under punkt 1: Aktuellt läge.',
    );
    expect((await say('anteckning X', ANDERS)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    expect((await suite.bot.deps.notes.list(meetingId)).map((n) => [n.item, n.text])).toEqual([
      [2, 'Anna efterfrågar kontaktpersoner för Nära vård.'],
      [1, 'Lena informerar om läget.'],
    ]);
  });

  it('takes notes on a card too: the current item chosen, a retried save stored once', async () => {
    await say('starta möte');
    await say('punkt 2');
    const card = attachmentCard(await say('anteckning'));
    expect(cardProblems(card ?? {})).toEqual([]);
    expect(inputValue(card, 'item')).toBe('2');
    const data = (card as { actions: { data: Record<string, string> }[] }).actions[0]?.data ?? {};
    const save = { ...data, item: '2', text: 'Anna efterfrågar kontaktpersoner.' };
    const [first, retry] = await Promise.all([press('note.add', save), press('note.add', save)]);
    expect(cardTexts(first.value)).toContain('Anteckningen är sparad under punkt 2: Nära vård.');
    expect(cardTexts(retry.value)).toContain('Anteckningen är sparad under punkt 2: Nära vård.');
    const next = (first.value as { actions: { data: Record<string, string> }[] }).actions[0]?.data ?? {};
    expect(next.noteKey).not.toBe(data.noteKey);
    expect(cardTexts((await press('note.add', { ...next, item: '0', text: 'Utan punkt.' })).value)).toContain(
      sv['note.savedNoItem'],
    );
    expect((await press('note.add', { ...next, item: '0', text: '  ' })).value).toBe(sv['note.required']);
    expect((await press('note.add', { ...next, text: 'X' }, ANDERS)).value).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    expect((await suite.bot.deps.notes.list(meetingId)).map((n) => [n.item, n.text])).toEqual([
      [2, 'Anna efterfrågar kontaktpersoner.'],
      [undefined, 'Utan punkt.'],
    ]);
  });

  it("lets Teams' retry of a command succeed when the first delivery failed to write", async () => {
    await say('starta möte');
    suite.connector.reset();
    const message = teamsActivity('message-group-chat-mention', suite.connector.serviceUrl, {
      id: '1700000000077',
      text: '<at>Anteckna</at> anteckning punkt 1 Skrivs vid andra försöket.',
      conversation: network.conversation,
      from: fromMember(KARIN),
    });
    const add = jest.spyOn(suite.bot.deps.notes, 'add').mockRejectedValueOnce(new Error('Cosmos timed out'));
    try {
      await postActivity(suite.bot, message);
      await suite.connector.waitForCalls(1);
      expect(suite.connector.sent[0]?.text).toBe(sv['error.apology']);
      await postActivity(suite.bot, message);
      await suite.connector.waitForCalls(2);
      expect(suite.connector.sent[1]?.text).toBe('Anteckningen är sparad under punkt 1: Aktuellt läge.');
      await postActivity(suite.bot, message);
      expect((await suite.bot.deps.notes.list(meetingId)).map((n) => n.text)).toEqual([
        'Skrivs vid andra försöket.',
      ]);
      expect(suite.connector.sent).toHaveLength(2);
    } finally {
      add.mockRestore();
    }
  });
});
