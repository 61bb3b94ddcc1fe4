import { SARA } from '../fixtures/members';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';

/** Logs carry a request id per HTTP call and ids only: no names, e-mail addresses or message text. */
describe('logs', () => {
  const suite = withBotAndConnector();
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say } = chatMember(suite, () => network);

  it('give every line of a turn its request id, and name no one', async () => {
    network = await setUpNetwork(suite.bot, suite.connector, '19:logging@thread.v2');
    const typed = 'hemlig text om Sara Lind';
    await say(`möten ${typed}`, SARA);
    // A failing turn logs its error with the activity's ids: storage gone.
    await suite.bot.cosmos.close();
    await say(`uppföljning ${typed}`, SARA);

    const entries = suite.bot.logs.entries;
    const inRequests = entries.filter((e) => e.requestId !== undefined);
    expect(inRequests.length).toBeGreaterThan(1);
    const refused = entries.find((e) => e.msg === 'turn refused');
    expect(refused).toMatchObject({ requestId: expect.any(String), activityId: expect.any(String) });
    // Lines of one request share an id; different requests have different ones.
    expect(new Set(inRequests.map((e) => e.requestId)).size).toBeGreaterThan(1);

    const everything = JSON.stringify(entries);
    for (const secret of [typed, 'Sara Lind', 'Karin Ek', '@example'])
      expect(everything).not.toContain(secret);
  });
});
