import type { Container } from '@azure/cosmos';
import type { Clock } from '../domain/clock';
import { createAttendanceRepository } from './attendance-repository';
import { createCommandMarkerRepository } from './command-marker-repository';
import type { ContainerName } from './containers';
import { createConversationRepository } from './conversation-repository';
import { createDecisionRepository } from './decision-repository';
import { createDigestRepository } from './digest-repository';
import { createFollowUpRepository } from './follow-up-repository';
import { createItemNoteRepository } from './item-note-repository';
import { createMeetingLinkRepository } from './meeting-link-repository';
import { createMeetingRepository } from './meeting-repository';
import { createMinutesRepository } from './minutes-repository';
import { createNetworkRepository } from './network-repository';
import { createPendingImportRepository } from './pending-import-repository';
import { createPersonData } from './person-data';
import { createRosterRepository } from './roster-repository';
import { createRsvpRepository } from './rsvp-repository';

/** Every repository over the containers: the bot's (composition root) and the command-line tools' one set. */
export function repositoriesOf(containers: Record<ContainerName, Container>, clock: Clock) {
  return {
    conversations: createConversationRepository(containers.conversations, clock),
    networks: createNetworkRepository(containers.networks),
    roster: createRosterRepository(containers.networks, clock),
    meetings: createMeetingRepository(containers.networks),
    rsvps: createRsvpRepository(containers.meetings),
    attendance: createAttendanceRepository(containers.meetings),
    meetingLinks: createMeetingLinkRepository(containers.conversations),
    decisions: createDecisionRepository(containers.meetings),
    notes: createItemNoteRepository(containers.meetings),
    followUps: createFollowUpRepository(containers.followUps),
    digests: createDigestRepository(containers.networks),
    commandMarkers: createCommandMarkerRepository(containers.meetings),
    minutes: createMinutesRepository(containers.meetings),
    personData: createPersonData(containers),
    pendingImports: createPendingImportRepository(containers.conversations),
    clock,
  };
}
