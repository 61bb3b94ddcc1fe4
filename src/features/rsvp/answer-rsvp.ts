import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import type { NetworkRepository } from '../../storage/network-repository';
import type { RosterRepository } from '../../storage/roster-repository';
import { turnLanguage } from '../../bot/turn-language';
import { rsvpAnswerSchema, substituteOf } from '../../cards/agenda-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isOpenForAnswers } from '../../domain/meeting';
import type { Rsvp } from '../../domain/rsvp';
import { createTranslator } from '../../i18n/translator';
import type { AgendaPublisher } from '../meetings/agenda-publisher';
import { meetingOfCard, type MeetingOfCardReads } from './meeting-of-card';

/**
 * A member's answer on the agenda card. Who answers is the activity's sender (Entra object id), never the card;
 * the answer goes into that member's own document, so repeats and storms are safe. Until the meeting starts the
 * answer can be changed; the reply is the card as this member now sees it.
 */
export function createAnswerRsvp(
  deps: Pick<BotDeps, 'rsvps' | 'clock'> &
    MeetingOfCardReads & {
      networks: Pick<NetworkRepository, 'get' | 'language'>;
      roster: Pick<RosterRepository, 'get'>;
    },
  agenda: AgendaPublisher,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed = rsvpAnswerSchema.safeParse(data);
    const actor = actorOf(context);
    const found = parsed.success && actor ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!parsed.success || !actor || !found)
      return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const { network, meeting } = found;
    const t = createTranslator(network.settings.language);
    if (!isOpenForAnswers(meeting, deps.clock())) return t('rsvp.closed');

    const substitute = parsed.data.answer === 'substitute' ? substituteOf(parsed.data) : undefined;
    if (parsed.data.answer === 'substitute' && !substitute) return t('rsvp.substituteRequired');

    const userId = context.activity.from.id;
    const member = await deps.roster.get(network.networkId, userId);
    const rsvp: Rsvp = {
      meetingId: meeting.meetingId,
      networkId: network.networkId,
      aadObjectId: actor.aadObjectId,
      userId,
      name: member?.name ?? actor.name,
      ...(member?.organisation ? { organisation: member.organisation } : {}),
      answer: parsed.data.answer,
      ...(substitute ? { substitute } : {}),
      answeredAt: deps.clock().toISOString(),
    };
    await deps.rsvps.save(rsvp);
    return agenda.render(network, meeting, { viewer: { person: actor, userId, answer: rsvp } });
  };
}
