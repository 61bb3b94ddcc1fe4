import { remindersSuite } from '../helpers/reminders-suite';
import { sv } from '../../src/i18n/sv';
import { meetingStarting } from '../fixtures/meeting';
import { ANDERS, JOHAN, KARIN, SARA } from '../fixtures/members';
import { attachmentCard, cardTexts, inputValue } from '../helpers/teams-activity';

type Card = { actions: { verb?: string; data?: Record<string, unknown> }[] };

/**
 * Reminders to owners of follow-ups, with the scheduler's clock moved by the test: when they go, where, and what
 * chairs set and see of them. Teams failing is in reminders-teams-failures.test.ts.
 */
describe('follow-up reminders', () => {
  const { suite, say, press, network, tickAt, postedTo, personal, stored, give, pressInPersonalChat } =
    remindersSuite('reminders');

  it('reminds the owner 1:1 three working days before and on the morning of the deadline, once each; Done stops it', async () => {
    const id = await give('uppgift <at>Sara Lind</at> skickar ut enkäten senast 3 december');
    expect((await stored(id)).reminders?.nextAt).toBe('2026-11-30T07:00:00.000Z');

    await tickAt('2026-11-30T06:59:00Z'); // 07:59 local: not yet
    expect(suite.connector.calls).toEqual([]);

    await tickAt('2026-11-30T07:00:30Z');
    const [reminder, ...more] = postedTo(personal(SARA));
    expect(more).toEqual([]);
    const card = attachmentCard(reminder!.body);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        'Påminnelse: ska vara klar torsdag 3 december 2026.',
        '<at>Sara Lind</at>: skickar ut enkäten',
        'torsdag 3 december 2026',
        'Novembermötet, måndag 23 november 2026',
        'Klar',
        'Ändra datum',
        'Ge till någon annan',
      ]),
    );
    // Opened through the network's chat, with Sara as the one member.
    expect(suite.connector.calls[0]).toMatchObject({
      path: '/v3/conversations',
      body: { members: [{ id: SARA.id }] },
    });

    await tickAt('2026-11-30T07:05:00Z'); // the same reminder is not sent again
    expect(suite.connector.calls).toEqual([]);

    await tickAt('2026-12-03T07:00:00Z');
    const due = postedTo(personal(SARA));
    expect(due).toHaveLength(1);
    expect(cardTexts(attachmentCard(due[0]!.body))).toContain(sv['reminder.due']);
    // The known 1:1 chat is used; no second create.
    expect(suite.connector.calls.filter((c) => c.path === '/v3/conversations')).toEqual([]);

    const data = (attachmentCard(due[0]!.body) as Card).actions.find((a) => a.verb === 'followUp.done')?.data;
    const answer = await pressInPersonalChat('followUp.done', data ?? {});
    expect(answer.status).toBe(200);
    expect(cardTexts((answer.body as { value: unknown }).value)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Klar \(.+\)\.$/)]),
    );
    expect((await stored(id)).reminders?.nextAt).toBeUndefined();
    await tickAt('2026-12-10T07:00:00Z'); // a week overdue: nothing, it is done
    expect(postedTo(personal(SARA))).toEqual([]);
  });

  it('keeps reminding weekly while overdue, never on a weekend or holiday; a due one waits for sending hours', async () => {
    const id = await give('uppgift <at>Sara Lind</at> svarar kommunerna senast 17 december');
    // The scheduler was down from Thursday morning until Saturday: the due-day reminder waits for Monday 08:00.
    await tickAt('2026-12-19T11:00:00Z');
    expect(suite.connector.calls).toEqual([]);
    expect((await stored(id)).reminders?.nextAt).toBe('2026-12-21T07:00:00.000Z');
    await tickAt('2026-12-21T07:00:00Z');
    expect(cardTexts(attachmentCard(postedTo(personal(SARA))[0]!.body))).toContain(
      'Påminnelse: försenad, skulle vara klar torsdag 17 december 2026.',
    );
    // A week after the deadline is julafton; then juldagen, annandag jul and a Sunday: Monday 28 December.
    expect((await stored(id)).reminders?.nextAt).toBe('2026-12-28T07:00:00.000Z');
    await tickAt('2026-12-24T09:00:00Z');
    expect(suite.connector.calls).toEqual([]);
  });

  it('moves the reminders with a new date and follows a new owner', async () => {
    const id = await give('uppgift <at>Sara Lind</at> bokar lokal senast 3 december');
    const created = await stored(id);
    const answer = await pressInPersonalChat('followUp.postpone', {
      networkId: network().networkId,
      followUpId: id,
      revision: created.revision,
      due: '2026-12-18',
    });
    expect(answer.status).toBe(200);
    expect((await stored(id)).reminders?.nextAt).toBe('2026-12-15T07:00:00.000Z');
    await tickAt('2026-11-30T07:00:00Z'); // the old date's reminder is gone
    expect(suite.connector.calls).toEqual([]);

    const reassigned = await pressInPersonalChat('followUp.reassign', {
      networkId: network().networkId,
      followUpId: id,
      revision: (await stored(id)).revision,
      owner: `member:${JOHAN.id}`,
    });
    expect(reassigned.status).toBe(200);
    await tickAt('2026-12-15T07:00:00Z');
    expect(postedTo(personal(JOHAN))).toHaveLength(1);
    expect(postedTo(personal(SARA))).toEqual([]);
  });

  it('lets a chair set the policy with påminnelser; open follow-ups follow it at once; others are refused', async () => {
    const id = await give('uppgift <at>Sara Lind</at> skickar ut enkäten senast 3 december');
    const card = attachmentCard(await say('påminnelser'));
    expect(cardTexts(card)).toContain(sv['reminders.title']);
    for (const [field, value] of Object.entries({
      daysBefore: '3',
      onDueDay: 'true',
      overdueEveryDays: '7',
      from: '08:00',
      until: '17:00',
    }))
      expect(inputValue(card, field)).toBe(value);
    expect((await say('påminnelser', JOHAN)).text).toBe(
      sv['reminders.chairsOnly'].replace('{chairs}', 'Karin Ek'),
    );

    const form = {
      networkId: network().networkId,
      daysBefore: '1',
      onDueDay: 'false',
      overdueEveryDays: '0',
    };
    const wrong = await press('reminders.save', { ...form, from: '17:00', until: '09:00' });
    expect(cardTexts(wrong.value)[0]).toMatch(/^Kontrollera: Skickas senast\./);
    expect(await press('reminders.save', { ...form, from: '09:30', until: '16:00' }, JOHAN)).toMatchObject({
      value: sv['reminders.chairsOnly'].replace('{chairs}', 'Karin Ek'),
    });
    expect((await stored(id)).reminders?.nextAt).toBe('2026-11-30T07:00:00.000Z');
    expect(
      (await press('reminders.save', { ...form, networkId: 'net-other', from: '09:30', until: '16:00' }))
        .value,
    ).toBe(sv['card.stale']);

    const saved = await press('reminders.save', { ...form, from: '09:30', until: '16:00' });
    expect(cardTexts(saved.value)[0]).toBe(sv['reminders.saved'].replace('{name}', 'Karin Ek'));
    expect((await suite.bot.deps.networks.get(network().networkId))?.network.settings.reminders).toEqual({
      daysBefore: 1,
      onDueDay: false,
      overdueEveryDays: 0,
      from: { hour: 9, minute: 30 },
      until: { hour: 16, minute: 0 },
    });
    // One day before 3 December at 09:30 local; nothing after it (no day-of, no overdue reminders).
    expect((await stored(id)).reminders?.nextAt).toBe('2026-12-02T08:30:00.000Z');
    await tickAt('2026-12-02T08:30:00Z');
    expect(postedTo(personal(SARA))).toHaveLength(1);
    expect((await stored(id)).reminders?.nextAt).toBeUndefined();
  });

  it("puts open follow-ups from earlier meetings on the next meeting's agenda as Återrapportering", async () => {
    await suite.bot.deps.roster.setOrganisation(network().networkId, ANDERS.id, 'Kungälv');
    const id = await give('uppgift <at>Sara Lind</at> skickar ut enkäten senast 3 december');
    await give('uppgift Kungälv tar med sig frågan');
    await say('avsluta möte');
    await suite.bot.deps.meetings.create(
      meetingStarting(network().networkId, new Date('2026-12-14T08:00:00Z'), { title: 'Decembermötet' }),
    );
    const texts = cardTexts(attachmentCard(await say('dagordning')));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Återrapportering',
        [
          '- Sara Lind: skickar ut enkäten (senast torsdag 3 december 2026)',
          '- Kungälv: tar med sig frågan (inget datum)',
        ].join('\n'),
      ]),
    );
    const done = await suite.bot.deps.followUps.get(network().networkId, id);
    await suite.bot.deps.followUps.replace({ ...done!.followUp, status: 'done' }, done!.etag);
    expect(cardTexts(attachmentCard(await say('dagordning')))).toContain(
      '- Kungälv: tar med sig frågan (inget datum)',
    );
  });

  it('sends chairs and the secretary a weekly digest of overdue follow-ups, once, on Monday morning', async () => {
    await suite.bot.deps.roster.setOrganisation(network().networkId, ANDERS.id, 'Kungälv');
    await give('uppgift <at>Sara Lind</at> punkt 1 skickar ut enkäten senast 25 november');
    await give('uppgift Kungälv tar med sig frågan senast 24 november');
    await give('uppgift Kungälv svarar senast 31 december');
    await tickAt('2026-11-30T07:00:00Z');
    const digestTo = (member: { id: string }) =>
      postedTo(personal(member)).filter((c) => String(c.body.text).includes('Försenade uppgifter'));
    for (const keeper of [KARIN, JOHAN]) {
      expect(digestTo(keeper).map((c) => c.body.text)).toEqual([
        [
          '**Försenade uppgifter i Socialchefsnätverket**',
          '',
          '- **Kungälv**: tar med sig frågan (skulle vara klar tisdag 24 november 2026; Novembermötet)',
          '- **Sara Lind**: skickar ut enkäten (skulle vara klar onsdag 25 november 2026; Novembermötet, punkt 1)',
        ].join('\n'),
      ]);
    }
    await tickAt('2026-11-30T09:00:00Z');
    expect(digestTo(KARIN)).toEqual([]);
    // The next Monday, with nothing overdue any more, nothing is sent.
    for (const open of await suite.bot.deps.followUps.listOpen(network().networkId)) {
      const found = await suite.bot.deps.followUps.get(network().networkId, open.followUpId);
      await suite.bot.deps.followUps.replace({ ...found!.followUp, status: 'done' }, found!.etag);
    }
    await tickAt('2026-12-07T07:00:00Z');
    expect(digestTo(KARIN)).toEqual([]);
  });
});
