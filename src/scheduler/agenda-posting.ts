import type { Logger } from 'pino';
import { isAppError } from '../domain/app-error';
import { canClaimAgenda, withAgendaPosted, type Meeting } from '../domain/meeting';
import type { Network } from '../domain/network';
import type { MeetingRepository } from '../storage/meeting-repository';
import type { NetworkRepository } from '../storage/network-repository';
import type { ScheduledTask } from './scheduler';

/** Posts an agenda card into its network's conversation; implemented at the Teams edge. */
export interface AgendaPoster {
  post(network: Network, meeting: Meeting): Promise<{ activityId?: string }>;
}

const SAVE_ATTEMPTS = 3;

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
  const claim = async (meeting: Meeting, now: Date): Promise<Meeting | undefined> => {
    const current = await deps.meetings.get(meeting.networkId, meeting.meetingId);
    if (!current || !canClaimAgenda(current.meeting, now)) return undefined;
    const until = new Date(now.getTime() + deps.leaseMs).toISOString();
    try {
      return (
        await deps.meetings.replace(
          { ...current.meeting, agendaClaim: { by: deps.instanceId, until } },
          current.etag,
        )
      ).meeting;
    } catch (error) {
      if (isAppError(error) && error.code === 'Conflict') return undefined;
      throw error;
    }
  };

  const recordPosted = async (meeting: Meeting, activityId: string | undefined, now: Date): Promise<void> => {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const current = await deps.meetings.get(meeting.networkId, meeting.meetingId);
      if (!current) return;
      try {
        await deps.meetings.replace(withAgendaPosted(current.meeting, activityId, now), current.etag);
        return;
      } catch (error) {
        if (!isAppError(error) || error.code !== 'Conflict') throw error;
      }
    }
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
          // The claim expires and a later tick (here or elsewhere) tries again.
          deps.logger.error({ err: error, meetingId: claimed.meetingId }, 'agenda post failed');
        }
      }
    },
  };
}
