import { sv } from '../../src/i18n/sv';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

type Card = { actions: { type: string; verb?: string; data?: Record<string, string>; card?: Card }[] };

/** The data of the card's follow-up actions (they all carry the same reference). */
const refOf = (card: unknown): Record<string, string> =>
  (card as Card).actions.find((a) => a.verb === 'followUp.done')?.data ?? {};

describe('follow-ups', () => {
  const suite = withBotAndConnector();
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  let meetingId = '';
  const { say, sayRedelivered, press } = chatMember(suite, () => network);
  const stored = () => suite.bot.deps.followUps.listForMeeting(network.networkId, meetingId);

  beforeEach(async () => {
    counter += 1;
    network = await setUpNetwork(suite.bot, suite.connector, `19:follow-ups-${counter}@thread.v2`, {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
    });
    await suite.bot.deps.roster.setOrganisation(network.networkId, ANDERS.id, 'Kungälv');
    await suite.bot.deps.roster.setOrganisation(network.networkId, SARA.id, 'GR');
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3600_000), {
      items: [
        { title: 'Aktuellt läge', presenters: [], guests: [], slides: false },
        { title: 'Nära vård', presenters: [], guests: [], slides: false },
      ],
    });
    meetingId = meeting.meetingId;
    await suite.bot.deps.meetings.create(meeting);
  });

  it('gives a follow-up to a mentioned member, who is @mentioned on its card', async () => {
    expect((await say('uppgift <at>Sara Lind</at> gör något')).text).toBe(
      'Mötet Nätverksmöte har inte startats. Skriv ”starta möte” först.',
    );
    await say('starta möte');
    const reply = await say(
      'uppgift <at>Sara Lind</at> punkt 2 skickar ut information separat i ett mejl senast 31 december 2035',
    );
    const card = attachmentCard(reply);
    expect(cardProblems(card ?? {})).toEqual([]);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        'Uppgift · punkt 2: Nära vård',
        '<at>Sara Lind</at>: skickar ut information separat i ett mejl',
        'måndag 31 december 2035',
        'Klar',
        'Ändra datum',
        'Ge till någon annan',
      ]),
    );
    expect((card as { msteams?: unknown }).msteams).toEqual({
      entities: [
        { type: 'mention', text: '<at>Sara Lind</at>', mentioned: { id: SARA.id, name: 'Sara Lind' } },
      ],
    });
    expect(await stored()).toEqual([
      expect.objectContaining({
        item: 2,
        owner: {
          kind: 'member',
          name: 'Sara Lind',
          userId: SARA.id,
          aadObjectId: SARA.aadObjectId,
          organisation: 'GR',
        },
        text: 'skickar ut information separat i ett mejl',
        due: '2035-12-31',
        status: 'open',
        createdBy: KARIN.aadObjectId,
      }),
    ]);
  });

  it('takes a roster name or an organisation as owner, on the current item, in English too', async () => {
    await say('starta möte');
    await say('punkt 1');
    await say('uppgift Kungälv tar med sig frågan');
    await say('action Johan Berg reports back by 2035-06-30', JOHAN);
    expect((await stored()).map((f) => [f.owner.name, f.owner.kind, f.item, f.text, f.due])).toEqual([
      ['Johan Berg', 'member', 1, 'reports back', '2035-06-30'],
      ['Kungälv', 'organisation', 1, 'tar med sig frågan', undefined],
    ]);
  });

  it('refuses members without the right, unknown owners and unusable dates, storing nothing', async () => {
    await say('starta möte');
    expect((await say('uppgift Kungälv tar med sig frågan', ANDERS)).text).toBe(
      'Bara ordförande och sekreterare (Karin Ek, Johan Berg) kan göra det under mötet.',
    );
    expect((await say('uppgift Okänd Person gör något')).text).toBe(sv['followUp.noOwner']);
    expect((await say('uppgift Kungälv svarar senast 1 januari 2020')).text).toMatch(
      /^Slutdatumet gick inte att använda\. .*2020/,
    );
    // More than ten years ahead is a typo, not a plan.
    expect((await say('uppgift Kungälv svarar senast 1 januari 2045')).text).toBe(
      'Slutdatumet söndag 1 januari 2045 ligger mer än 10 år fram. Skriv ett närmare datum; inget sparades.',
    );
    // "i går" is read as "igår": the same day, the same answer.
    const yesterday = (await say('uppgift Kungälv svarar senast igår')).text;
    expect(yesterday).toMatch(/^Slutdatumet gick inte att använda\. ”igår” .* har redan varit\.$/);
    expect((await say('uppgift Kungälv svarar senast i går')).text).toBe(
      String(yesterday).replace('”igår”', '”i går”'),
    );
    expect((await say('uppgift punkt 7 Kungälv svarar')).text).toBe(
      'Dagordningen har punkterna 1–2. Skriv till exempel: uppgift punkt 2 @Sara …',
    );
    expect((await say('uppgift <at>Sara Lind</at>')).text).toBe(sv['followUp.empty']);
    expect(await stored()).toEqual([]);
  });

  it('records a command delivered twice once, with one card', async () => {
    await say('starta möte');
    const answers = await sayRedelivered('uppgift Kungälv tar med sig frågan');
    expect(await stored()).toHaveLength(1);
    expect(answers).toHaveLength(1);
  });

  it('lets the owner mark it done and refuses others; the card is replaced for everyone', async () => {
    await say('starta möte');
    const ref = refOf(attachmentCard(await say('uppgift <at>Sara Lind</at> skickar ut information')));
    expect((await press('followUp.done', ref, ANDERS)).value).toBe(
      'Bara den ansvariga (Sara Lind) och ordförande eller sekreterare (Karin Ek, Johan Berg) kan ändra uppgiften.',
    );
    expect(
      (await press('followUp.done', { ...ref, followUpId: '00000000-0000-4000-8000-000000000000' })).value,
    ).toBe(sv['card.stale']);
    expect((await press('followUp.done', { ...ref, extra: 'x' }, SARA)).value).toBe(sv['card.stale']);
    const done = await press('followUp.done', ref, SARA);
    expect(cardTexts(done.value)).toEqual(expect.arrayContaining([expect.stringMatching(/^Klar \(.+\)\.$/)]));
    expect((done.value as Card).actions).toEqual([]);
    expect((await stored())[0]).toMatchObject({
      status: 'done',
      changes: [{ kind: 'done', by: SARA.aadObjectId }],
    });
    // Pressing the old card again: nothing more happens.
    expect(cardTexts((await press('followUp.done', ref, SARA)).value)).toContain(sv['followUp.conflict']);
  });

  it("lets the owning organisation's member change the date, not into the past", async () => {
    await say('starta möte');
    const ref = refOf(attachmentCard(await say('uppgift Kungälv svarar senast 31 december 2035')));
    expect(
      cardTexts((await press('followUp.postpone', { ...ref, due: '2020-01-01' }, ANDERS)).value),
    ).toContain(sv['followUp.duePast']);
    expect(
      cardTexts((await press('followUp.postpone', { ...ref, due: '2045-01-01' }, ANDERS)).value),
    ).toContain('Det datumet ligger mer än 10 år fram. Välj ett närmare.');
    const moved = await press('followUp.postpone', { ...ref, due: '2035-01-15' }, ANDERS);
    expect(cardTexts(moved.value)).toContain('måndag 15 januari 2035');
    expect((await stored())[0]).toMatchObject({
      due: '2035-01-15',
      changes: [{ kind: 'postponed', by: ANDERS.aadObjectId, from: '2035-12-31' }],
    });
  });

  it("gives an erased person's task to someone else, who is reminded again", async () => {
    await say('starta möte');
    const ref = refOf(attachmentCard(await say('uppgift Kungälv svarar senast 31 december 2035')));
    // As the erasure leaves it: owned by nobody anyone can reach, reminding nobody.
    const found = (await suite.bot.deps.followUps.get(network.networkId, ref.followUpId ?? ''))!;
    const { nextAt: _next, ...reminders } = found.followUp.reminders ?? { sent: [] };
    await suite.bot.deps.followUps.replace(
      {
        ...found.followUp,
        owner: { kind: 'person', name: 'Borttagen person' },
        ownerErasedAt: new Date().toISOString(),
        reminders,
      },
      found.etag,
    );
    await press('followUp.reassign', { ...ref, owner: `member:${SARA.id}` }, KARIN);
    const [saved] = await stored();
    expect(saved).toMatchObject({ owner: { kind: 'member', userId: SARA.id } });
    expect(saved?.ownerErasedAt).toBeUndefined();
    expect(saved?.reminders?.nextAt).toEqual(expect.any(String));
  });

  it('reassigns to another member, who is @mentioned; of two changes of the same version one wins', async () => {
    await say('starta möte');
    const ref = refOf(attachmentCard(await say('uppgift Kungälv svarar senast 31 december 2035')));
    suite.connector.reset();
    const [a, b] = await Promise.all([
      press('followUp.reassign', { ...ref, owner: `member:${SARA.id}` }, KARIN),
      press('followUp.postpone', { ...ref, due: '2035-02-01' }, JOHAN),
    ]);
    const losers = [a, b].filter((body) => cardTexts(body.value).includes(sv['followUp.conflict']));
    expect(losers).toHaveLength(1);
    const [saved] = await stored();
    if (losers[0] === b) {
      expect(saved).toMatchObject({ owner: { kind: 'member', userId: SARA.id }, due: '2035-12-31' });
      const told = suite.connector.sent.find((activity) =>
        String(activity.text).includes('du har fått uppgiften'),
      );
      expect(told).toMatchObject({
        text: '<at>Sara Lind</at>, du har fått uppgiften: svarar',
        entities: [{ type: 'mention', mentioned: { id: SARA.id } }],
      });
    } else {
      expect(saved).toMatchObject({ owner: { kind: 'organisation', name: 'Kungälv' }, due: '2035-02-01' });
    }
    const latest = await suite.bot.deps.followUps.get(network.networkId, ref.followUpId ?? '');
    const unknown = await press('followUp.reassign', {
      ...ref,
      revision: latest?.followUp.revision,
      owner: 'member:29:nobody',
    });
    expect(cardTexts(unknown.value)).toContain(sv['followUp.unknownOwner']);
  });

  it("lists open follow-ups: all for chairs, your own (or your organisation's) for others", async () => {
    await say('starta möte');
    await say('uppgift <at>Sara Lind</at> skickar ut information senast 31 december 2035');
    await say('uppgift Kungälv tar med sig frågan');
    const closed = refOf(attachmentCard(await say('uppgift <at>Anders Holm</at> klar redan')));
    await press('followUp.done', closed, ANDERS);
    expect((await say('uppföljning')).text).toBe(
      [
        '**Öppna uppgifter**',
        '',
        '- **Sara Lind**: skickar ut information (senast måndag 31 december 2035)',
        '- **Kungälv**: tar med sig frågan (inget datum)',
      ].join('\n'),
    );
    expect((await say('uppföljning', SARA)).text).toBe(
      [
        '**Dina öppna uppgifter**',
        '',
        '- **Sara Lind**: skickar ut information (senast måndag 31 december 2035)',
      ].join('\n'),
    );
    expect((await say('follow-ups', ANDERS)).text).toBe(
      ['**Dina öppna uppgifter**', '', '- **Kungälv**: tar med sig frågan (inget datum)'].join('\n'),
    );
    await suite.bot.deps.roster.setOrganisation(network.networkId, ANDERS.id, 'Ale');
    expect((await say('uppföljning', ANDERS)).text).toBe(sv['followUps.noneOwn']);
  });

  it('never turns typed text into a link: Markdown and HTML links are broken up in cards and messages', async () => {
    await say('starta möte');
    const typed = 'läser [avtalet](https://evil.example/x) och <a href="https://evil.example">detta</a>';
    const card = attachmentCard(await say(`uppgift <at>Sara Lind</at> ${typed} senast 31 december 2035`));
    const shown = cardTexts(card).join('\n');
    expect(shown).toContain('<at>Sara Lind</at>: läser [avtalet]');
    expect(shown).not.toMatch(/\]\s*\(|<a[\s>]/i);
    // Stored as typed: only what is shown is changed, and it reads the same.
    expect((await stored())[0]?.text).toBe(typed);
    expect(shown.replace(/\u2060/g, '')).toContain(typed);
    const list = String((await say('uppföljning')).text);
    expect(list).toContain('[avtalet]');
    expect(list).not.toMatch(/\]\s*\(|<a[\s>]/i);
    const decisionCard = attachmentCard(await say('beslut se [här](https://evil.example)'));
    // What Teams renders (TextBlocks, and text runs); the Edit box keeps the wording as typed, where it is only text.
    const rendered =
      JSON.stringify(decisionCard).match(/"type":"(?:TextBlock|TextRun)","text":"[^"]*"/g) ?? [];
    expect(rendered.join('\n')).toContain('[här]');
    expect(rendered.join('\n')).not.toMatch(/\]\s*\(/);
  });

  it('refuses a message too long for any command, unread, storing nothing', async () => {
    await say('starta möte');
    const reply = await say(`uppgift <at>Sara Lind</at> ${'x'.repeat(3100)}`);
    expect(reply.text).toBe(sv['fallback.tooLong'].replace('{max}', '3000'));
    expect(await stored()).toEqual([]);
  });
});
