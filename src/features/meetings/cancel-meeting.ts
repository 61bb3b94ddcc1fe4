import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { rsvpViewSchema } from '../../cards/agenda-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isAppError } from '../../domain/app-error';
import { cancelled, isOpenForAnswers } from '../../domain/meeting';
import { createTranslator } from '../../i18n/translator';
import type { AgendaPublisher } from './agenda-publisher';
import { networkForChair } from './network-for-chair';

/** A chair cancels a meeting from its agenda card: answers close, no agenda is posted, the posted card says so. */
export function createCancelMeeting(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'clock'>,
  agenda: AgendaPublisher,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const access = await networkForChair(context, deps, t);
    if ('refusal' in access) return access.refusal;
    const { network, actor } = access;
    const ref = rsvpViewSchema.safeParse(data);
    if (!ref.success || ref.data.networkId !== network.networkId) return t('card.stale');
    const found = await deps.meetings.get(network.networkId, ref.data.meetingId);
    if (!found) return t('card.stale');
    const now = deps.clock();
    if (!isOpenForAnswers(found.meeting, now)) return t('meeting.closed');
    let saved;
    try {
      saved = await deps.meetings.replace(cancelled(found.meeting, now), found.etag);
    } catch (error) {
      if (isAppError(error) && error.code === 'Conflict') return t('meeting.conflict');
      throw error;
    }
    const agendaUpdated = await agenda.updatePosted(context, network, saved.meeting);
    const tn = createTranslator(network.settings.language);
    const notice = tn('meeting.cancelledBy', { name: actor.name });
    return agenda.render(network, saved.meeting, {
      notice: agendaUpdated ? notice : `${notice} ${tn('meeting.agendaNotUpdated')}`,
    });
  };
}
