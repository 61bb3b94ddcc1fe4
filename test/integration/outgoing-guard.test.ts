import { JOHAN, KARIN, SARA, ANDERS } from '../fixtures/members';
import { meetingStarting } from '../fixtures/meeting';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';

/** A chair whose Teams display name is a Markdown link: every answer that names her must not make it one. */
const LINKED_NAME = 'Karin [logga in här](https://evil.example/login)';

describe('the outgoing guard', () => {
  const suite = withBotAndConnector();
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const member = chatMember(suite, () => network);

  beforeAll(async () => {
    const chatId = '19:outgoing-guard@thread.v2';
    suite.connector.members.set(chatId, [{ ...KARIN, name: LINKED_NAME }, JOHAN, SARA, ANDERS]);
    network = await setUpNetwork(suite.bot, suite.connector, chatId);
  });

  it('breaks a typed link in a card answer given as a message (an invoke answer), as in messages', async () => {
    const meeting = meetingStarting(network.networkId, new Date(Date.now() + 3 * 86_400_000));
    await suite.bot.deps.meetings.create(meeting);

    const answer = await member.press(
      'meeting.cancel',
      { networkId: network.networkId, meetingId: meeting.meetingId },
      JOHAN,
    );
    const text = answer.value as string;
    expect(text).toContain('logga in här');
    expect(text).not.toContain('](');

    // The same refusal as a message (a command) was guarded already; both read the same now.
    const reply = await member.say('nytt möte', JOHAN);
    expect(String(reply.text)).toContain('logga in här');
    expect(String(reply.text)).not.toContain('](');
  });
});
