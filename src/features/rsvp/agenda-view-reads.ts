import type { BotDeps } from '../../bot/bot-deps';
import { recently } from '../../storage/recent-reads';

/**
 * How long the answer and refresh paths reuse a read. A whole network answers one card within seconds and every
 * member's Teams asks for their own view when the card shows; the network, the meeting, the roster and the open
 * follow-ups are the same for all of them. Writes (the answers) always go to Cosmos; a change by a chair shows in
 * personal views within this long.
 */
export const AGENDA_VIEW_READS_MS = 2000;

/** The reads of answering and viewing an agenda card, shared for AGENDA_VIEW_READS_MS (see recent-reads). */
export function agendaViewReads(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'followUps'>,
  ttlMs = AGENDA_VIEW_READS_MS,
) {
  const network = recently((networkId) => deps.networks.get(networkId), ttlMs);
  const meeting = recently((key) => {
    const [networkId = '', meetingId = ''] = key.split('|');
    return deps.meetings.get(networkId, meetingId);
  }, ttlMs);
  const roster = recently((networkId) => deps.roster.list(networkId), ttlMs);
  const open = recently((networkId) => deps.followUps.listOpen(networkId), ttlMs);
  return {
    networks: { get: network, language: (networkId: string) => deps.networks.language(networkId) },
    meetings: { get: (networkId: string, meetingId: string) => meeting(`${networkId}|${meetingId}`) },
    meetingLinks: deps.meetingLinks,
    roster: {
      list: roster,
      // A member who joined since the roster was read is looked up on their own.
      get: async (networkId: string, userId: string) =>
        (await roster(networkId)).find((member) => member.userId === userId) ??
        deps.roster.get(networkId, userId),
    },
    followUps: { listOpen: open },
  };
}
