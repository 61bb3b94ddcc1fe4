import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { rsvpViewSchema } from '../../cards/agenda-card';
import { isAppError } from '../../domain/app-error';
import { networkIdForConversation } from '../../domain/conversation';
import { isOpenForAnswers, mayNudge } from '../../domain/meeting';
import { isChair } from '../../domain/network';
import { formatWhen } from '../../i18n/format-when';
import { createTranslator } from '../../i18n/translator';

/**
 * A chair reminds everyone who has not answered: one message in the chat that @mentions them. The meeting's
 * ETag makes two chairs pressing at once send one reminder, and an hour must pass before the next.
 */
export function createNudgeRsvp(deps: Pick<BotDeps, 'networks' | 'meetings' | 'roster' | 'rsvps' | 'clock'>) {
  return async (context: TurnContext, data: unknown): Promise<string> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const parsed = rsvpViewSchema.safeParse(data);
    const actor = actorOf(context);
    if (
      !parsed.success ||
      !actor ||
      parsed.data.networkId !== networkIdForConversation(context.activity.conversation.id)
    ) {
      return t('card.stale');
    }
    const network = await deps.networks.get(parsed.data.networkId);
    const found = network ? await deps.meetings.get(parsed.data.networkId, parsed.data.meetingId) : undefined;
    if (!network || !found) return t('card.stale');
    if (!isChair(network.network, actor.aadObjectId)) {
      return t('meeting.chairsOnly', {
        chairs: network.network.settings.chairs.map((c) => c.name).join(', '),
      });
    }
    const now = deps.clock();
    const { meeting, etag } = found;
    if (!isOpenForAnswers(meeting, now)) return t('rsvp.closed');
    if (!mayNudge(meeting, now)) return t('rsvp.nudgeTooSoon');

    const answered = new Set((await deps.rsvps.list(meeting.meetingId)).map((r) => r.aadObjectId));
    const missing = (await deps.roster.list(network.network.networkId))
      .filter((m) => !m.guest && m.aadObjectId && !answered.has(m.aadObjectId))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    if (missing.length === 0) return t('rsvp.nudgeNone');
    try {
      await deps.meetings.replace({ ...meeting, lastNudgedAt: now.toISOString() }, etag);
    } catch (error) {
      if (isAppError(error) && error.code === 'Conflict') return t('rsvp.nudgeTooSoon');
      throw error;
    }
    const tn = createTranslator(network.network.settings.language);
    const mentions = missing.map((m) => ({
      type: 'mention',
      text: `<at>${m.name}</at>`,
      mentioned: { id: m.userId, name: m.name },
    }));
    await context.sendActivity({
      type: 'message',
      text: tn('rsvp.nudgeText', {
        title: meeting.title,
        when: formatWhen(
          { kind: 'day', date: meeting.date, start: meeting.start, end: meeting.end },
          network.network.settings.language,
          tn,
        ),
        mentions: mentions.map((m) => m.text).join(', '),
      }),
      entities: mentions,
    });
    return t('rsvp.nudged', { count: missing.length });
  };
}
