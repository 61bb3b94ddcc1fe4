import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';

/**
 * Runs a meeting command's write once per Teams activity; a redelivery (same activity id) gets undefined, so it
 * writes nothing and sends no second answer. If the write fails the marker is released, so Teams' retry of the same activity can succeed.
 */
export async function oncePerActivity<T>(
  context: TurnContext,
  deps: Pick<BotDeps, 'commandMarkers'>,
  meetingId: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const activityId = context.activity.id;
  if (!activityId) return work();
  if (!(await deps.commandMarkers.firstDelivery(meetingId, activityId))) return undefined;
  try {
    return await work();
  } catch (error) {
    await deps.commandMarkers.release(meetingId, activityId).catch(() => undefined);
    throw error;
  }
}
