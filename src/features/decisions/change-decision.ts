import type { TurnContext } from 'botbuilder';
import { parseRichText } from '../../domain/rich-text';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import {
  decisionEditSchema,
  decisionRefSchema,
  decisionUndoSchema,
  renderDecisionCard,
} from '../../cards/decision-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isAppError } from '../../domain/app-error';
import type { Decision } from '../../domain/decision';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { meetingOfCard } from '../rsvp/meeting-of-card';

/**
 * Edit or undo from a decision card, for chairs and the secretary. The card's ETag must still be current: if
 * someone changed the decision since, nothing is written and the fresh card comes back. An edit keeps the earlier
 * text; the result replaces the card for everyone.
 */
export function createChangeDecision(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'decisions' | 'clock'>,
  mode: 'edit' | 'undo',
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed = decisionRefSchema.safeParse(data);
    // The whole of the card's data is checked, strictly: a card with fields added is refused.
    const edited = mode === 'edit' ? decisionEditSchema.safeParse(data) : undefined;
    const whole = edited ? edited.success : decisionUndoSchema.safeParse(data).success;
    const found = parsed.success && whole ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!parsed.success || !found)
      return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const { network, meeting } = found;
    const language = network.settings.language;
    const t = createTranslator(language);
    const actor = actorOf(context);
    if (!actor || !canManageRoster(network, actor.aadObjectId)) {
      return t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') });
    }
    const current = await deps.decisions.get(meeting.meetingId, parsed.data.number);
    if (!current) return t('card.stale');
    const fresh = (notice: string, latest = current) =>
      renderDecisionCard({ language, meeting, decision: latest.decision, etag: latest.etag, notice });
    if (current.etag !== parsed.data.etag || current.decision.status === 'undone')
      return fresh(t('decision.conflict'));

    const now = deps.clock().toISOString();
    const editedText = edited?.success ? edited.data.text : undefined;
    const next: Decision =
      editedText !== undefined
        ? {
            ...current.decision,
            text: editedText,
            body: parseRichText(editedText),
            previous: [
              ...current.decision.previous,
              { text: current.decision.text, changedAt: now, changedBy: actor.aadObjectId },
            ],
            updatedAt: now,
          }
        : { ...current.decision, status: 'undone', updatedAt: now };
    let saved;
    try {
      saved = await deps.decisions.replace(next, current.etag);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'Conflict') throw error;
      const latest = await deps.decisions.get(meeting.meetingId, parsed.data.number);
      return fresh(t('decision.conflict'), latest ?? current);
    }
    const card = renderDecisionCard({ language, meeting, decision: saved.decision, etag: saved.etag });
    if (context.activity.replyToId)
      await context.updateActivity({ ...cardActivity(card), id: context.activity.replyToId });
    return card;
  };
}
