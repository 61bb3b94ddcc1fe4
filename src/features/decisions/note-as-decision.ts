import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { renderDecisionCard } from '../../cards/decision-card';
import { decisionOfferSchema } from '../../cards/decision-offer-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { decisionSentences } from '../../domain/decision-sentences';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { parseRichText } from '../../domain/rich-text';
import { createTranslator } from '../../i18n/translator';
import { meetingOfCard } from '../rsvp/meeting-of-card';

/**
 * "Anteckna som beslut" on a sentence of a note: the sentence, read again from the stored note, becomes a decision
 * on the note's item (and sub-item). Once per sentence, however often it is pressed; chairs and the secretary only.
 */
export function createNoteAsDecision(
  deps: Pick<
    BotDeps,
    'networks' | 'meetings' | 'meetingLinks' | 'notes' | 'decisions' | 'commandMarkers' | 'clock'
  >,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed = decisionOfferSchema.safeParse(data);
    const found = parsed.success ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!parsed.success || !found)
      return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const { network, meeting } = found;
    const t = createTranslator(network.settings.language);
    const actor = actorOf(context);
    if (!canManageRoster(network, actor?.aadObjectId))
      return t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') });
    const note = (await deps.notes.list(meeting.meetingId)).find((n) => n.noteId === parsed.data.noteId);
    const sentence = note
      ? decisionSentences(note.body ?? parseRichText(note.text))[parsed.data.sentence]
      : undefined;
    if (!note || !sentence) return t('card.stale');
    const key = `note:${note.noteId}:${parsed.data.sentence}`;
    if (!(await deps.commandMarkers.firstDelivery(meeting.meetingId, key))) return t('note.alreadyDecision');
    const now = deps.clock().toISOString();
    let recorded;
    try {
      recorded = await deps.decisions.record({
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        ...(note.item !== undefined ? { item: note.item } : {}),
        ...(note.subItem ? { subItem: note.subItem } : {}),
        text: sentence,
        body: parseRichText(sentence),
        previous: [],
        status: 'active',
        createdBy: actor?.aadObjectId ?? '',
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      await deps.commandMarkers.release(meeting.meetingId, key).catch(() => undefined);
      throw error;
    }
    return renderDecisionCard({
      language: network.settings.language,
      meeting,
      decision: recorded.decision,
      etag: recorded.etag,
    });
  };
}
