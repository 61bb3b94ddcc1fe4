import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { checkInSchema } from '../../cards/check-in-card';
import { createTranslator } from '../../i18n/translator';
import { meetingOfCard } from '../rsvp/meeting-of-card';
import { recordPresence } from './record-presence';

/** "Jag är här": the sender is recorded as present at the meeting in progress; pressing twice changes nothing. */
export function createCheckIn(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'rsvps' | 'attendance' | 'clock'>,
) {
  return async (context: TurnContext, data: unknown): Promise<string> => {
    const parsed = checkInSchema.safeParse(data);
    const actor = actorOf(context);
    const found = parsed.success && actor ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!actor || !found) return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const t = createTranslator(found.network.settings.language);
    if (found.meeting.status !== 'started') return t('checkIn.closed');
    const { name } = await recordPresence(
      deps,
      found.meeting,
      {
        aadObjectId: actor.aadObjectId,
        userId: context.activity.from.id,
        name: actor.name,
      },
      'checkIn',
    );
    return t('checkIn.done', { name });
  };
}
