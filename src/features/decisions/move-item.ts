import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandInput } from '../../bot/command-router';
import { isAppError } from '../../domain/app-error';
import { parseItemArgs } from '../../domain/decision';
import { meetingInProgress } from '../attendance/meeting-in-progress';

const ATTEMPTS = 3;

/** `punkt N` / `item N`: the item being discussed, so decisions without a number land on it. */
export function createMoveItem(deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const access = await meetingInProgress(context, deps, { needsRole: true });
    if (!access) return;
    const { network, t } = access;
    let { meeting, etag } = access;
    const item = parseItemArgs(input.args, meeting.items.length);
    if (item === undefined) {
      await context.sendActivity(t('item.usage', { count: meeting.items.length }));
      return;
    }
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      try {
        await deps.meetings.replace(
          { ...meeting, currentItem: item, updatedAt: deps.clock().toISOString() },
          etag,
        );
        break;
      } catch (error) {
        if (!isAppError(error) || error.code !== 'Conflict') throw error;
        const latest = await deps.meetings.get(network.networkId, meeting.meetingId);
        if (!latest) return;
        ({ meeting, etag } = latest);
      }
    }
    await context.sendActivity(t('item.moved', { item, title: meeting.items[item - 1]?.title ?? '' }));
  };
}
