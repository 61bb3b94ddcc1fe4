import type { FollowUp } from '../../src/domain/follow-up';
import { meetingStarting } from '../fixtures/meeting';
import { JOHAN, KARIN, SARA, fromMember } from '../fixtures/members';
import { withBotAndConnector } from './bot-with-connector';
import { chatMember } from './chat-member';
import { setUpNetwork } from './network-setup';
import { attachmentCard, cardAction } from './teams-activity';
import { postActivity } from './test-bot';

type Card = { actions: { verb?: string; data?: Record<string, unknown> }[] };

/**
 * A suite for reminders to owners of follow-ups, with the scheduler's clock (`clock.now`) moved by the test
 * (Europe/Stockholm; Monday 23 November 2026 10:00 local = 09:00 UTC). Teams is the connector stub: it opens 1:1
 * chats as `a:personal:<user>`. Each test gets a network of its own (`19:<prefix>-<n>@thread.v2`, Karin chair, Johan
 * secretary) with a meeting started, and no follow-up of an earlier test left due.
 */
export function remindersSuite(prefix: string) {
  const clock = { now: new Date('2026-11-23T09:00:00Z') };
  const suite = withBotAndConnector({ SEND_TIMEOUT_MS: '1500' }, () => clock.now);
  let counter = 0;
  let network: Awaited<ReturnType<typeof setUpNetwork>>;
  const { say, press } = chatMember(suite, () => network);

  const tickAt = async (iso: string): Promise<void> => {
    clock.now = new Date(iso);
    suite.connector.reset();
    await suite.bot.scheduler.tick();
  };
  /** Activities posted to a conversation (not the create-conversation calls). */
  const postedTo = (conversationId: string) =>
    suite.connector.calls.filter(
      (c) => c.conversationId === conversationId && c.path.includes('/activities'),
    );
  const personal = (member: { id: string }) => `a:personal:${member.id}`;
  const stored = async (followUpId: string): Promise<FollowUp> =>
    (await suite.bot.deps.followUps.get(network.networkId, followUpId))!.followUp;
  const give = async (text: string): Promise<string> => {
    const card = attachmentCard(await say(text)) as Card;
    return String(card.actions.find((a) => a.verb === 'followUp.done')?.data?.followUpId);
  };
  const pressInPersonalChat = async (verb: string, data: Record<string, unknown>, member = SARA) =>
    postActivity(
      suite.bot,
      cardAction(suite.connector.serviceUrl, verb, data, {
        conversation: { id: personal(member), conversationType: 'personal', tenantId: 't' },
        from: fromMember(member),
      }),
    );

  beforeEach(async () => {
    counter += 1;
    clock.now = new Date('2026-11-23T09:00:00Z');
    // Earlier tests' follow-ups live on in their networks: closed here, so each test sees only its own reminders.
    for (const { followUp: old } of await suite.bot.deps.followUps.dueReminders(new Date('2100-01-01'), 1000))
      await suite.bot.deps.followUps
        .versioned(old.networkId, old.followUpId)
        .get()
        .then((found) =>
          found
            ? suite.bot.deps.followUps.replace(
                { ...found.value, status: 'done', reminders: { sent: [] } },
                found.etag,
              )
            : undefined,
        );
    // Each test starts with no 1:1 chats known (they are per person, not per network).
    for (const member of [SARA, JOHAN, KARIN])
      await suite.bot.deps.conversations.forgetPersonal(member.aadObjectId);
    network = await setUpNetwork(suite.bot, suite.connector, `19:${prefix}-${counter}@thread.v2`, {
      chairs: KARIN.aadObjectId,
      secretary: JOHAN.aadObjectId,
    });
    await suite.bot.deps.meetings.create(
      meetingStarting(network.networkId, new Date(clock.now.getTime() + 30 * 60_000), {
        title: 'Novembermötet',
      }),
    );
    await say('starta möte');
  });

  return {
    suite,
    clock,
    say,
    press,
    network: () => network,
    tickAt,
    postedTo,
    personal,
    stored,
    give,
    pressInPersonalChat,
  };
}
