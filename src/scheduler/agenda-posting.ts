import type { Logger } from 'pino';
import { isAppError } from '../domain/app-error';
import { canClaimAgenda, withAgendaPosted, withAgendaUndeliverable, type Meeting } from '../domain/meeting';
import type { Network } from '../domain/network';
import type { MeetingRepository } from '../storage/meeting-repository';
import type { NetworkRepository } from '../storage/network-repository';
import { claimWithEtag, updateLatest, type VersionedStore } from '../storage/versioned-store';
import type { ScheduledTask } from './scheduler';

/** Posts an agenda card into its network's conversation; implemented at the Teams edge. */
export interface AgendaPoster {
  post(network: Network, meeting: Meeting): Promise<{ activityId?: string }>;
}

/**
 * Posts each due agenda exactly once, whatever the number of instances: an instance first claims the meeting with
 * its ETag (a lost race is a 412, and the loser moves on), posts, then records the post. A claim left by a crashed
 * instance expires after `leaseMs` and is taken over.
 */
export function createAgendaPostingTask(deps: {
  meetings: MeetingRepository;
  networks: NetworkRepository;
  poster: AgendaPoster;
  instanceId: string;
  leaseMs: number;
  logger: Logger;
}): ScheduledTask {
  const store = (meeting: Meeting): VersionedStore<Meeting> => ({
    get: async () => {
      const found = await deps.meetings.get(meeting.networkId, meeting.meetingId);
      return found ? { value: found.meeting, etag: found.etag } : undefined;
    },
    replace: async (value, etag) => {
      const saved = await deps.meetings.replace(value, etag);
      return { value: saved.meeting, etag: saved.etag };
    },
  });

  const claim = async (meeting: Meeting, now: Date): Promise<Meeting | undefined> =>
    (
      await claimWithEtag(store(meeting), (current) =>
        canClaimAgenda(current, now)
          ? {
              ...current,
              agendaClaim: {
                by: deps.instanceId,
                until: new Date(now.getTime() + deps.leaseMs).toISOString(),
              },
            }
          : undefined,
      )
    )?.value;

  const recordPosted = async (meeting: Meeting, activityId: string | undefined, now: Date): Promise<void> => {
    await updateLatest(store(meeting), (current) => withAgendaPosted(current, activityId, now));
  };

  return {
    name: 'agenda-posting',
    async run(now) {
      for (const due of await deps.meetings.dueAgendas(now)) {
        const claimed = await claim(due, now);
        if (!claimed) continue;
        const network = await deps.networks.get(claimed.networkId);
        if (!network || network.network.status !== 'active') continue;
        try {
          const { activityId } = await deps.poster.post(network.network, claimed);
          await recordPosted(claimed, activityId, now);
          deps.logger.info({ meetingId: claimed.meetingId, networkId: claimed.networkId }, 'agenda posted');
        } catch (error) {
          if (isAppError(error) && error.code === 'NotFound') {
            await updateLatest(store(claimed), withAgendaUndeliverable);
            deps.logger.warn(
              { meetingId: claimed.meetingId, networkId: claimed.networkId },
              'agenda: chat gone',
            );
            continue;
          }
          // The claim expires and a later tick (here or elsewhere) tries again.
          deps.logger.error({ err: error, meetingId: claimed.meetingId }, 'agenda post failed');
        }
      }
    },
  };
}
