import { remindersSuite } from '../helpers/reminders-suite';
import { JOHAN, KARIN, SARA } from '../fixtures/members';
import { attachmentCard } from '../helpers/teams-activity';

/**
 * Reminders when Teams will not open a 1:1 chat, has lost it, throttles or fails: where the reminder goes instead, and
 * that it is sent once or given up.
 */
describe('follow-up reminders when Teams fails', () => {
  const { suite, clock, network, tickAt, postedTo, personal, stored, give } =
    remindersSuite('reminders-failing');

  it('reminds in the network chat with an @mention when Teams will not open a 1:1 chat (403); the chairs are told once', async () => {
    suite.connector.refusedPersonalChats.set(SARA.id, 403);
    const first = await give('uppgift <at>Sara Lind</at> skickar ut enkäten senast 3 december');
    const second = await give('uppgift <at>Sara Lind</at> bokar lokal senast 3 december');
    await tickAt('2026-11-30T07:00:00Z');
    const inChat = postedTo(String(network().conversation.id));
    const told = inChat.filter((c) => String(c.body.text).includes('personlig chatt'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toMatchObject({
      text: expect.stringContaining(
        '<at>Karin Ek</at>, <at>Johan Berg</at>: Jag kan inte skriva till Sara Lind',
      ),
      entities: [
        { type: 'mention', mentioned: { id: KARIN.id } },
        { type: 'mention', mentioned: { id: JOHAN.id } },
      ],
    });
    const cards = inChat.filter((c) => attachmentCard(c.body));
    expect(cards.map((c) => (attachmentCard(c.body) as { msteams?: unknown }).msteams)).toEqual([
      {
        entities: [
          { type: 'mention', text: '<at>Sara Lind</at>', mentioned: { id: SARA.id, name: 'Sara Lind' } },
        ],
      },
      {
        entities: [
          { type: 'mention', text: '<at>Sara Lind</at>', mentioned: { id: SARA.id, name: 'Sara Lind' } },
        ],
      },
    ]);
    // Only one attempt to open her chat: after the refusal it is known dead.
    expect(suite.connector.calls.filter((c) => c.path === '/v3/conversations')).toHaveLength(0);
    for (const id of [first, second])
      expect((await stored(id)).reminders?.sent).toEqual([expect.objectContaining({ via: 'chat' })]);
  });

  it('marks a 1:1 chat that has gone (404) dead and falls back to the network chat', async () => {
    const id = await give('uppgift <at>Sara Lind</at> skickar ut enkäten senast 3 december');
    await tickAt('2026-11-30T07:00:00Z');
    expect(postedTo(personal(SARA))).toHaveLength(1);
    suite.connector.reset();
    suite.connector.deadConversations.set(personal(SARA), 404);
    clock.now = new Date('2026-12-03T07:00:00Z');
    await suite.bot.scheduler.tick();
    expect(postedTo(personal(SARA))).toEqual([]);
    expect(postedTo(String(network().conversation.id)).filter((c) => attachmentCard(c.body))).toHaveLength(1);
    expect((await stored(id)).reminders?.sent.map((s) => s.via)).toEqual(['personal', 'chat']);
  });

  it('waits out a 429 with Retry-After and sends once', async () => {
    const id = await give('uppgift <at>Sara Lind</at> skickar ut enkäten senast 3 december');
    clock.now = new Date('2026-11-30T07:00:00Z');
    suite.connector.reset();
    // The create-conversation call first, then the post is throttled once.
    suite.connector.failures = [{ status: 429, retryAfterSeconds: 1 }];
    const started = Date.now();
    await suite.bot.scheduler.tick();
    expect(suite.connector.failures).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(postedTo(personal(SARA))).toHaveLength(1);
    expect((await stored(id)).reminders?.sent).toHaveLength(1);
  });

  it('defers a reminder Teams keeps failing (500) or never answers, with growing waits, and gives up after five', async () => {
    const id = await give('uppgift <at>Sara Lind</at> skickar ut enkäten senast 3 december');
    await tickAt('2026-11-30T07:00:00Z'); // opens the 1:1 chat and sends the first reminder
    suite.connector.hangs = 1; // no answer within SEND_TIMEOUT_MS (1.5 s)
    await tickAt('2026-12-03T07:00:00Z');
    expect(suite.connector.hung).toHaveLength(1);
    expect(postedTo(personal(SARA))).toEqual([]);
    expect((await stored(id)).reminders).toMatchObject({ nextAt: '2026-12-03T07:05:00.000Z', failures: 1 });

    // A 500 is not one Teams says to retry at once: the reminder waits 10 minutes (the wait doubles each time).
    suite.connector.failures = [500];
    await tickAt('2026-12-03T07:05:00Z');
    expect(suite.connector.failures).toEqual([]);
    expect(postedTo(personal(SARA))).toEqual([]);
    expect((await stored(id)).reminders).toMatchObject({ nextAt: '2026-12-03T07:15:00.000Z', failures: 2 });

    await tickAt('2026-12-03T07:15:00Z');
    expect(postedTo(personal(SARA))).toHaveLength(1);
    expect((await stored(id)).reminders).not.toHaveProperty('failures');

    // Never forever: the fifth failure in a row gives that reminder up and schedules the next one.
    suite.connector.deadConversations.clear();
    let at = new Date('2026-12-10T07:00:00Z');
    for (let failure = 1; failure <= 5; failure += 1) {
      suite.connector.reset();
      suite.connector.hangs = 1;
      clock.now = at;
      await suite.bot.scheduler.tick();
      at = new Date((await stored(id)).reminders?.nextAt ?? '');
    }
    expect((await stored(id)).reminders).toMatchObject({ nextAt: '2026-12-17T07:00:00.000Z' });
    expect((await stored(id)).reminders?.sent.at(-1)).toMatchObject({ via: 'none' });
  });
});
