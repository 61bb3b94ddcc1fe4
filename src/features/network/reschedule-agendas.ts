import type { BotDeps } from '../../bot/bot-deps';
import { isAppError } from '../../domain/app-error';
import { agendaDueAt } from '../../domain/meeting';
import type { Network } from '../../domain/network';

const ATTEMPTS = 3;

/** After the lead time changes, agendas not yet posted fall due by the new one. */
export async function rescheduleAgendas(
  deps: Pick<BotDeps, 'meetings' | 'clock'>,
  network: Network,
): Promise<void> {
  const now = deps.clock();
  for (const meeting of await deps.meetings.upcoming(network.networkId, now)) {
    if (meeting.agendaDueAt === undefined) continue;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const current = await deps.meetings.get(network.networkId, meeting.meetingId);
      if (!current || current.meeting.agendaDueAt === undefined) break;
      const due = agendaDueAt(
        current.meeting.startsAt,
        current.meeting.timeZone,
        network.settings.agendaLeadDays,
      );
      try {
        await deps.meetings.replace({ ...current.meeting, agendaDueAt: due }, current.etag);
        break;
      } catch (error) {
        if (!isAppError(error) || error.code !== 'Conflict') throw error;
      }
    }
  }
}
