import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandInput } from '../../bot/command-router';
import { parseItemAndText } from '../../domain/decision';
import { meetingInProgress } from '../attendance/meeting-in-progress';
import { oncePerActivity } from './once-per-activity';

/** `anteckning [punkt N] text` / `note [item N] text`: free text under an item, for the minutes; recorded once. */
export function createRecordNote(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'notes' | 'commandMarkers' | 'clock'>,
) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const access = await meetingInProgress(context, deps, { needsRole: true });
    if ('refusal' in access) {
      await context.sendActivity(access.refusal);
      return;
    }
    const { network, meeting, t } = access;
    if (meeting.status !== 'started') {
      await context.sendActivity(t('meeting.notStarted', { title: meeting.title }));
      return;
    }
    const parsed = parseItemAndText(input.args, meeting.items.length);
    if ('problem' in parsed) {
      const key =
        parsed.problem === 'badItem'
          ? 'decision.badItem'
          : parsed.problem === 'tooLong'
            ? 'note.tooLong'
            : 'note.empty';
      await context.sendActivity(t(key, { count: meeting.items.length }));
      return;
    }
    const item = parsed.item ?? meeting.currentItem;
    const saved = await oncePerActivity(context, deps, meeting.meetingId, async () => {
      await deps.notes.add({
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        noteId: randomUUID(),
        ...(item !== undefined ? { item } : {}),
        text: parsed.text,
        createdBy: actorOf(context)?.aadObjectId ?? '',
        createdAt: deps.clock().toISOString(),
      });
      return true;
    });
    if (!saved) return;
    await context.sendActivity(
      item !== undefined
        ? t('note.saved', { item, title: meeting.items[item - 1]?.title ?? '' })
        : t('note.savedNoItem'),
    );
  };
}
