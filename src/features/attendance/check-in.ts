import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { checkInSchema } from '../../cards/check-in-card';
import { createTranslator } from '../../i18n/translator';
import { meetingOfCard } from '../rsvp/meeting-of-card';

/** "Jag är här": the sender is recorded as present at the meeting in progress; pressing twice changes nothing. */
export function createCheckIn(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'attendance' | 'clock'>,
) {
  return async (context: TurnContext, data: unknown): Promise<string> => {
    const parsed = checkInSchema.safeParse(data);
    const actor = actorOf(context);
    const found = parsed.success && actor ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!actor || !found) return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const t = createTranslator(found.network.settings.language);
    if (found.meeting.status !== 'started') return t('checkIn.closed');
    const userId = context.activity.from.id;
    const member = await deps.roster.get(found.network.networkId, userId);
    const name = member?.name ?? actor.name;
    await deps.attendance.markPresent(
      {
        meetingId: found.meeting.meetingId,
        networkId: found.network.networkId,
        personKey: actor.aadObjectId,
        userId,
        name,
        ...(member?.organisation ? { organisation: member.organisation } : {}),
        updatedAt: deps.clock().toISOString(),
      },
      'checkIn',
    );
    return t('checkIn.done', { name });
  };
}
