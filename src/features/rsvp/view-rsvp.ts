import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import { turnLanguage } from '../../bot/turn-language';
import { rsvpViewSchema } from '../../cards/agenda-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { createTranslator } from '../../i18n/translator';
import type { AgendaPublisher } from '../meetings/agenda-publisher';
import { meetingOfCard, type MeetingOfCardReads } from './meeting-of-card';
import type { NetworkRepository } from '../../storage/network-repository';

/** Teams' automatic refresh of the agenda card: the card as this member sees it. Reads only, writes nothing. */
export function createViewRsvp(
  deps: MeetingOfCardReads & { networks: Pick<NetworkRepository, 'get' | 'language'> },
  agenda: AgendaPublisher,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed = rsvpViewSchema.safeParse(data);
    const actor = actorOf(context);
    const found = parsed.success && actor ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!actor || !found) return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    return agenda.render(found.network, found.meeting, {
      viewer: { person: actor, userId: context.activity.from.id },
    });
  };
}
