import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandInput } from '../../bot/command-router';
import { cardActivity } from '../../bot/card-activity';
import { renderNoteCard } from '../../cards/note-card';
import { meetingTextCommand } from './meeting-text-command';
import { runningMeeting } from './running-meeting';
import { renderDecisionOfferCard } from '../../cards/decision-offer-card';
import { decisionSentences } from '../../domain/decision-sentences';
import { parseRichText } from '../../domain/rich-text';
import { oncePerActivity } from './once-per-activity';

/**
 * `anteckning [punkt N] text` / `note [item N] text`: free text under an item, for the minutes; recorded once.
 * Without text it answers with the note card.
 */
export function createRecordNote(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'notes' | 'commandMarkers' | 'clock'>,
) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    // `anteckning` alone: the note form, for longer notes written in peace.
    if (!input.args.trim()) {
      const access = await runningMeeting(context, deps, input);
      if (access)
        await context.sendActivity(
          cardActivity(
            renderNoteCard({
              language: access.network.settings.language,
              networkId: access.network.networkId,
              meeting: access.meeting,
            }),
          ),
        );
      return;
    }
    const command = await meetingTextCommand(context, deps, input, {
      empty: 'note.empty',
      tooLong: 'note.tooLong',
    });
    if (!command) return;
    const { network, meeting, t, item, subItem, text, running, label } = command;
    const noteId = randomUUID();
    const body = parseRichText(text);
    const saved = await oncePerActivity(context, deps, meeting.meetingId, async () => {
      await deps.notes.add({
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        noteId,
        ...(item !== undefined ? { item } : {}),
        ...(subItem ? { subItem } : {}),
        text,
        body,
        createdBy: actorOf(context)?.aadObjectId ?? '',
        createdAt: deps.clock().toISOString(),
      });
      return true;
    });
    if (!saved) return;
    const answer =
      item !== undefined
        ? t('note.saved', {
            item: `${item}${subItem ?? ''}`,
            title:
              (subItem
                ? meeting.items[item - 1]?.subItems?.find((s) => s.label === subItem)?.title
                : meeting.items[item - 1]?.title) ?? '',
          })
        : t('note.savedNoItem');
    const notice = running ? answer : t('meeting.inMeeting', { text: answer, meeting: label });
    // Sentences that read as decisions are offered as such, one button each; never recorded without her.
    const sentences = decisionSentences(body);
    await context.sendActivity(
      sentences.length
        ? cardActivity(
            renderDecisionOfferCard({
              language: network.settings.language,
              notice,
              networkId: network.networkId,
              meetingId: meeting.meetingId,
              noteId,
              sentences,
            }),
          )
        : notice,
    );
  };
}
