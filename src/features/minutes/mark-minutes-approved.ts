import type { BotDeps } from '../../bot/bot-deps';
import { isAppError } from '../../domain/app-error';

const ATTEMPTS = 3;

/**
 * Notes on the meeting that its minutes were approved, so commands no longer take it for the meeting whose minutes
 * are being finished. After the approval is stored; if this fails, commands still choose the meeting, and a
 * correction then is the next version, as it would be with `möte <dag>`: nothing is lost, so it is logged only.
 */
export async function markMinutesApproved(
  deps: Pick<BotDeps, 'meetings' | 'logger'>,
  networkId: string,
  meetingId: string,
  at: string,
): Promise<void> {
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const found = await deps.meetings.get(networkId, meetingId);
      if (!found || found.meeting.minutesApprovedAt) return;
      try {
        await deps.meetings.replace({ ...found.meeting, minutesApprovedAt: at }, found.etag);
        return;
      } catch (error) {
        if (!isAppError(error) || error.code !== 'Conflict') throw error;
      }
    }
  } catch (error) {
    deps.logger.warn({ err: error, networkId, meetingId }, 'approval not noted on the meeting');
  }
}
