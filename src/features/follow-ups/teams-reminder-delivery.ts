import type { Logger } from 'pino';
import type { BotDeps } from '../../bot/bot-deps';
import type { TenantSendLeases } from '../../bot/tenant-send-leases';
import type { ChatHistory } from '../../bot/chat-history';
import { cardActivity } from '../../bot/card-activity';
import { mentionMessage } from '../../bot/mention-message';
import type { ProactiveSender, SendResult } from '../../bot/proactive-sender';
import { formatDue, ownerText, reminderMarker, renderFollowUpCard } from '../../cards/follow-up-card';
import type { ConversationReferenceData } from '../../domain/conversation';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import { reminderKind } from '../../domain/reminders/reminder-schedule';
import type { RosterMember } from '../../domain/roster';
import { createTranslator } from '../../i18n/translator';
import { recently } from '../../storage/recent-reads';
import type { ReminderDelivery, ReminderOutcome } from '../../scheduler/follow-up-reminders';
import type { DigestDelivery } from '../../scheduler/overdue-digests';

/** At most this many follow-ups are listed in a digest; the rest are counted. */
const DIGEST_SHOWN = 20;

/** Roster and meetings change rarely; a dispatch of thousands of reminders should not read them for each. */
const CACHE_MS = 60_000;
/**
 * The network chat's record, read once for the reminders of one network that go out together. Kept briefly: a chat
 * the bot was removed from shows up as refused sends (each then "none", as with a fresh read) for at most this long.
 */
const CHAT_CACHE_MS = 10_000;

/** The chairs and the secretary as Teams mentions, where the roster knows their Teams ids. */
export function keeperMentions(network: Network, roster: RosterMember[]): { id: string; name: string }[] {
  const keepers = [
    ...network.settings.chairs,
    ...(network.settings.secretary ? [network.settings.secretary] : []),
  ];
  return keepers.flatMap((person) => {
    const member = roster.find((m) => m.aadObjectId === person.aadObjectId);
    return member ? [{ id: member.userId, name: member.name }] : [];
  });
}

/**
 * Delivers a reminder card to its owner: in their 1:1 chat with the bot when there is one or Teams lets the bot
 * open one, otherwise in the network's chat (the card @mentions a member owner). A 1:1 chat Teams refuses (403/404)
 * is marked dead, the chairs are told once, and reminders go to the network's chat; a dead network chat is marked
 * removed and the reminder has nowhere to go ('none'). A reminder taken over from an instance whose lease ran out
 * is first looked for where it goes (`history`): found, it counts as sent and does not go again; where that cannot
 * be told (a 1:1 chat, a channel, no access) it is sent.
 */
export function createTeamsReminderDelivery(deps: {
  bot: Pick<BotDeps, 'conversations' | 'roster' | 'meetings'>;
  sender: ProactiveSender;
  history?: ChatHistory;
  /** With several instances: this one claims a network's reminders only while it may send to its tenant. */
  leases?: Pick<TenantSendLeases, 'tryHold'>;
  logger: Logger;
}): ReminderDelivery & DigestDelivery {
  const { conversations } = deps.bot;
  const chatRecordOf = recently((conversationId) => conversations.get(conversationId), CHAT_CACHE_MS);
  const rosterOf = recently((networkId) => deps.bot.roster.list(networkId), CACHE_MS);
  const meetingOf = recently(async (key) => {
    const [networkId = '', meetingId = ''] = key.split('|');
    return (await deps.bot.meetings.get(networkId, meetingId))?.meeting;
  }, CACHE_MS);

  const tellKeepers = async (
    chat: ConversationReferenceData,
    network: Network,
    roster: RosterMember[],
    ownerName: string,
  ): Promise<void> => {
    const t = createTranslator(network.settings.language);
    const people = keeperMentions(network, roster);
    const text = t('reminder.personalRefused', {
      keepers: people.map((p) => `<at>${p.name}</at>`).join(', '),
      name: ownerName,
    });
    const told = await deps.sender.send(chat, mentionMessage(people, text));
    if (told.status !== 'sent')
      deps.logger.warn({ networkId: network.networkId, status: told.status }, 'chair not told');
  };

  /** The owner's 1:1 chat: known, opened now, or undefined (dead or not a Teams user); `failed` to try later. */
  const personalChat = async (
    owner: { userId: string; aadObjectId?: string },
    chat: ConversationReferenceData | undefined,
    refused: (httpStatus: number) => Promise<void>,
  ): Promise<ConversationReferenceData | undefined | 'failed'> => {
    const userKey = owner.aadObjectId ?? owner.userId;
    const known = await conversations.getPersonal(userKey);
    if (known?.status === 'dead') return undefined;
    if (known?.reference) return known.reference;
    if (!chat) return undefined;
    const opened = await deps.sender.openPersonal(chat, owner.userId);
    if (opened.status === 'opened') {
      await conversations.savePersonal(userKey, opened.reference);
      return opened.reference;
    }
    if (opened.status === 'dead') {
      await refused(opened.httpStatus);
      return undefined;
    }
    return 'failed';
  };

  return {
    async maySend(network) {
      const tenantId = (await chatRecordOf(network.conversationId))?.tenantId;
      return !deps.leases || tenantId === undefined || deps.leases.tryHold(tenantId);
    },

    async deliver(network, followUp, now, stillMine, takenOver): Promise<ReminderOutcome> {
      const { language, timeZone } = network.settings;
      const t = createTranslator(language);
      const [roster, meeting, chatRecord] = await Promise.all([
        rosterOf(network.networkId),
        meetingOf(`${network.networkId}|${followUp.meetingId}`),
        chatRecordOf(network.conversationId),
      ]);
      const chat = chatRecord?.status === 'active' ? chatRecord : undefined;
      const due = followUp.due ?? '';
      const kind = reminderKind(due, timeZone, now);
      const key = followUp.reminders?.claim?.key;
      const card = cardActivity(
        renderFollowUpCard({
          language,
          timeZone,
          followUp,
          roster,
          ...(meeting ? { meeting: meeting satisfies Meeting } : {}),
          lead: t(`reminder.${kind}`, { date: due ? formatDue(due, language) : '' }),
          ...(key ? { reminderKey: key } : {}),
        }),
      );
      /** Sends the card unless a dead instance's send of it is found there. */
      const sendCard = async (target: ConversationReferenceData): Promise<SendResult> => {
        if (takenOver && key && deps.history) {
          const found = await deps.history.hasPosted(target, reminderMarker(key), takenOver.since);
          if (found) {
            deps.logger.warn(
              { networkId: network.networkId, followUpId: followUp.followUpId },
              'reminder already posted by an instance that stopped; not sent again',
            );
            return { status: 'sent', activityId: '' };
          }
        }
        return deps.sender.send(target, card, stillMine);
      };

      const { owner } = followUp;
      if (owner.kind === 'member') {
        const userKey = owner.aadObjectId ?? owner.userId;
        const refused = async (httpStatus: number): Promise<void> => {
          if ((await conversations.markPersonalDead(userKey, httpStatus)) && chat)
            await tellKeepers(chat, network, roster, owner.name);
        };
        const personal = await personalChat(owner, chat, refused);
        if (personal === 'failed') return 'failed';
        if (personal) {
          const sent = await sendCard(personal);
          if (sent.status === 'sent') return 'personal';
          if (sent.status === 'failed' || sent.status === 'abandoned') return sent.status;
          await refused(sent.httpStatus);
        }
      }
      if (!chat) return 'none';
      const sent: SendResult = await sendCard(chat);
      if (sent.status === 'sent') return 'chat';
      if (sent.status === 'failed' || sent.status === 'abandoned') return sent.status;
      deps.logger.warn({ networkId: network.networkId, httpStatus: sent.httpStatus }, 'network chat refused');
      await conversations.markRemoved(network.conversationId);
      return 'none';
    },

    prepare(networks, followUps) {
      const networkIds = networks.map((n) => n.networkId);
      const rosters = deps.bot.roster.listMany(networkIds);
      for (const networkId of networkIds)
        rosterOf.prime(
          networkId,
          rosters.then((all) => all.get(networkId) ?? []),
        );
      const chats = conversations.getMany(networks.map((n) => n.conversationId));
      for (const { conversationId } of networks)
        chatRecordOf.prime(
          conversationId,
          chats.then((all) => all.get(conversationId)),
        );
      const meetingKeys = new Map(followUps.map((f) => [`${f.networkId}|${f.meetingId}`, f]));
      const meetings = deps.bot.meetings.getMany([...new Set(followUps.map((f) => f.meetingId))]);
      for (const [key, { networkId, meetingId }] of meetingKeys)
        meetingOf.prime(
          key,
          meetings.then((all) => {
            const meeting = all.get(meetingId);
            return meeting?.networkId === networkId ? meeting : undefined;
          }),
        );
    },

    async deliverDigest(network, overdue, recipients, delivered) {
      const { language } = network.settings;
      const t = createTranslator(language);
      const [roster, chatRecord] = await Promise.all([
        rosterOf(network.networkId),
        chatRecordOf(network.conversationId),
      ]);
      const chat = chatRecord?.status === 'active' ? chatRecord : undefined;
      const lines = await Promise.all(
        overdue.slice(0, DIGEST_SHOWN).map(async (f) => {
          const meeting = await meetingOf(`${network.networkId}|${f.meetingId}`);
          return t('digest.line', {
            owner: ownerText(f.owner),
            text: f.text,
            date: formatDue(f.due ?? '', language),
            meeting: meeting
              ? `${meeting.title}${f.item !== undefined ? t('followUps.item', { item: f.item }) : ''}`
              : '',
          });
        }),
      );
      const more = overdue.length - DIGEST_SHOWN;
      const body = [
        `**${t('digest.title', { network: network.settings.name })}**`,
        '',
        ...lines,
        ...(more > 0 ? ['', t('digest.more', { count: more })] : []),
      ].join('\n');

      const inChat: { id: string; name: string; aadObjectId: string }[] = [];
      for (const person of recipients) {
        const member = roster.find((m) => m.aadObjectId === person.aadObjectId);
        if (!member) continue;
        const refused = async (httpStatus: number): Promise<void> => {
          if ((await conversations.markPersonalDead(person.aadObjectId, httpStatus)) && chat)
            await tellKeepers(chat, network, roster, person.name);
        };
        const personal = await personalChat(
          { userId: member.userId, aadObjectId: person.aadObjectId },
          chat,
          refused,
        );
        if (personal === 'failed') return 'failed';
        if (personal) {
          const sent = await deps.sender.send(personal, {
            type: 'message',
            textFormat: 'markdown',
            text: body,
          });
          if (sent.status === 'failed' || sent.status === 'abandoned') return 'failed';
          if (sent.status === 'sent') {
            await delivered(person.aadObjectId);
            continue;
          }
          await refused(sent.httpStatus);
        }
        inChat.push({ id: member.userId, name: member.name, aadObjectId: person.aadObjectId });
      }
      if (inChat.length === 0 || !chat) return 'done';
      const mentions = inChat.map((p) => `<at>${p.name}</at>`).join(', ');
      const sent = await deps.sender.send(
        chat,
        mentionMessage(
          inChat.map(({ id, name }) => ({ id, name })),
          `${mentions}: ${body}`,
        ),
      );
      if (sent.status === 'failed') return 'failed';
      for (const person of inChat) await delivered(person.aadObjectId);
      return 'done';
    },
  };
}
