import type { Logger } from 'pino';
import { retentionCutoff } from '../domain/retention';
import type { MeetingRetention } from '../storage/meeting-retention';
import type { ScheduledTask } from './scheduler';

/** Once a day per instance is enough: periods are months long. Deleting twice is harmless (idempotent). */
const SWEEP_EVERY_MS = 24 * 3600_000;
/** Meetings deleted per network per sweep: a first sweep of a long history spreads over days, not one burst. */
const PER_NETWORK = 50;
/** Expired meetings read per query; those kept (open follow-ups) are paged past, so they never stall the sweep. */
const PAGE = 100;
/** A 1:1 chat of someone in no network is kept this long after it was last written (they may be joining one). */
const CHAT_GRACE_MS = 30 * 24 * 3600_000;

/** Deletes meetings' records whose network's retention period has passed (see storage/meeting-retention). */
export function createRetentionSweepTask(deps: {
  retention: MeetingRetention;
  logger: Logger;
}): ScheduledTask {
  let lastRun: number | undefined;
  return {
    name: 'retention-sweep',
    async run(now) {
      if (lastRun !== undefined && now.getTime() - lastRun < SWEEP_EVERY_MS) return;
      for (const network of await deps.retention.networks()) {
        const cutoff = retentionCutoff(network.settings, now);
        if (!cutoff) continue;
        let deleted = 0;
        let kept = 0;
        // Pages go on from the last meeting's end; meetings ending at that same instant come again and are skipped.
        const seen = new Set<string>();
        let from = '';
        while (deleted < PER_NETWORK) {
          const page = await deps.retention.endedBefore(network.networkId, cutoff, PAGE, from);
          const fresh = page.filter(({ meetingId }) => !seen.has(meetingId));
          for (const { meetingId, endsAt } of fresh) {
            if (deleted >= PER_NETWORK) break;
            seen.add(meetingId);
            from = endsAt;
            const outcome = await deps.retention.deleteMeeting(network.networkId, meetingId);
            if ('kept' in outcome) kept += 1;
            else deleted += 1;
          }
          if (fresh.length === 0 || page.length < PAGE) break;
        }
        const forgotten = await deps.retention.forgetLeftBefore(network.networkId, cutoff);
        if (deleted || kept || forgotten)
          deps.logger.info(
            { networkId: network.networkId, deleted, kept, membersWhoLeft: forgotten },
            'meetings past retention swept',
          );
      }
      const chats = await deps.retention.forgetPersonalChatsOutsideNetworks(
        new Date(now.getTime() - CHAT_GRACE_MS),
      );
      if (chats) deps.logger.info({ chats }, '1:1 chats of people in no network forgotten');
      const links = await deps.retention.forgetStrayLinks();
      if (links) deps.logger.info({ links }, 'meeting-chat links of deleted meetings forgotten');
      // Only a finished sweep counts: one stopped by a storage failure is tried again at the next tick.
      lastRun = now.getTime();
    },
  };
}
