import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { meetingRefSchema, renderMeetingForm } from '../../cards/meeting-form-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isOpenForAnswers } from '../../domain/meeting';
import { createTranslator } from '../../i18n/translator';
import { networkForChair } from './network-for-chair';

/** The meeting form for a chair: empty for `nytt möte`, prefilled for the agenda card's edit button. */
export function createOpenMeetingForm(deps: Pick<BotDeps, 'networks' | 'meetings' | 'clock'>) {
  return async (context: TurnContext, data?: unknown): Promise<AdaptiveCardJson | string> => {
    const language = await turnLanguage(context, deps.networks);
    const t = createTranslator(language);
    const access = await networkForChair(context, deps, t);
    if ('refusal' in access) return access.refusal;
    const { network } = access;
    if (data === undefined) return renderMeetingForm({ language, networkId: network.networkId });

    const ref = meetingRefSchema.strict().safeParse(data);
    if (!ref.success || ref.data.networkId !== network.networkId || !ref.data.meetingId)
      return t('card.stale');
    const found = await deps.meetings.get(network.networkId, ref.data.meetingId);
    if (!found) return t('card.stale');
    if (!isOpenForAnswers(found.meeting, deps.clock())) return t('meeting.closed');
    return renderMeetingForm({ language, networkId: network.networkId, meeting: found.meeting });
  };
}
