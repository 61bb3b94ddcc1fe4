import type { BotDeps } from '../../bot/bot-deps';
import type { Network } from '../../domain/network';
import { scheduleReminders } from '../../domain/reminders/follow-up-reminders';
import { reminderPolicyOf } from '../../domain/reminders/reminder-policy';
import { updateLatest } from '../../storage/versioned-store';

/**
 * After the policy or the time zone changed: every open follow-up's next reminder worked out again from now. One
 * single-partition query; each write keeps any claim a scheduler holds and retries over its writes.
 */
export async function rescheduleReminders(
  deps: Pick<BotDeps, 'followUps' | 'clock'>,
  network: Network,
): Promise<void> {
  const now = deps.clock();
  const policy = reminderPolicyOf(network.settings);
  for (const followUp of await deps.followUps.listOpen(network.networkId)) {
    await updateLatest(deps.followUps.versioned(network.networkId, followUp.followUpId), (current) =>
      current.status === 'open'
        ? scheduleReminders(current, policy, network.settings.timeZone, now)
        : undefined,
    );
  }
}
