import type { TurnContext } from 'botbuilder';
import { renderDecisionOfferCard } from '../../cards/decision-offer-card';
import { decisionSentences } from '../../domain/decision-sentences';
import { parseRichText } from '../../domain/rich-text';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { noteSchema, renderNoteCard } from '../../cards/note-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { meetingOfCard } from '../rsvp/meeting-of-card';

/**
 * Save on the note card, by a chair or the secretary, during or after the meeting. The card's key is the note's
 * id, so Teams' retry of the same press stores it once; the answer is a fresh card for the next note.
 */
export function createAddNoteFromCard(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'notes' | 'clock'>,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed = noteSchema.safeParse(data);
    const found = parsed.success ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!parsed.success || !found) {
      const t = createTranslator(await turnLanguage(context, deps.networks));
      const empty = !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === 'text');
      return t(empty ? 'note.required' : 'card.stale');
    }
    const { network, meeting } = found;
    const t = createTranslator(network.settings.language);
    const actor = actorOf(context);
    if (!canManageRoster(network, actor?.aadObjectId))
      return t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') });
    if (meeting.status !== 'started' && meeting.status !== 'ended')
      return t('meeting.notStarted', { title: meeting.title });
    const item = Number(parsed.data.item ?? 0) || undefined;
    if (item !== undefined && (item < 1 || item > meeting.items.length)) return t('card.stale');
    const body = parseRichText(parsed.data.text);
    await deps.notes.add({
      meetingId: meeting.meetingId,
      networkId: network.networkId,
      noteId: parsed.data.noteKey,
      ...(item !== undefined ? { item } : {}),
      text: parsed.data.text,
      body,
      createdBy: actor?.aadObjectId ?? '',
      createdAt: deps.clock().toISOString(),
    });
    const notice =
      item !== undefined
        ? t('note.saved', { item, title: meeting.items[item - 1]?.title ?? '' })
        : t('note.savedNoItem');
    const sentences = decisionSentences(body);
    // Sentences that read as decisions are offered as such; otherwise a fresh form for the next note.
    return sentences.length
      ? renderDecisionOfferCard({
          language: network.settings.language,
          notice,
          networkId: network.networkId,
          meetingId: meeting.meetingId,
          noteId: parsed.data.noteKey,
          sentences,
        })
      : renderNoteCard({
          language: network.settings.language,
          networkId: network.networkId,
          meeting,
          notice,
        });
  };
}
