import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { DownloadLinks } from '../http/download-links';
import type { AttendanceRepository } from '../storage/attendance-repository';
import type { ConversationRepository } from '../storage/conversation-repository';
import type { CommandMarkerRepository } from '../storage/command-marker-repository';
import type { DecisionRepository } from '../storage/decision-repository';
import type { DigestRepository } from '../storage/digest-repository';
import type { FollowUpRepository } from '../storage/follow-up-repository';
import type { ItemNoteRepository } from '../storage/item-note-repository';
import type { MeetingLinkRepository } from '../storage/meeting-link-repository';
import type { MeetingRepository } from '../storage/meeting-repository';
import type { MinutesRepository } from '../storage/minutes-repository';
import type { NetworkRepository } from '../storage/network-repository';
import type { PendingImportRepository } from '../storage/pending-import-repository';
import type { PersonData } from '../storage/person-data';
import type { SearchService } from '../search/search-service';
import type { RosterRepository } from '../storage/roster-repository';
import type { RsvpRepository } from '../storage/rsvp-repository';

/** What handlers may use: repositories, a clock and a logger. Built once in the composition root. */
export interface BotDeps {
  logger: Logger;
  clock: Clock;
  conversations: ConversationRepository;
  networks: NetworkRepository;
  roster: RosterRepository;
  meetings: MeetingRepository;
  rsvps: RsvpRepository;
  attendance: AttendanceRepository;
  meetingLinks: MeetingLinkRepository;
  decisions: DecisionRepository;
  notes: ItemNoteRepository;
  followUps: FollowUpRepository;
  /** The weekly overdue digest per network. */
  digests: DigestRepository;
  minutes: MinutesRepository;
  /** Makes short-lived signed download links for minutes files. */
  downloads: DownloadLinks;
  commandMarkers: CommandMarkerRepository;
  /** One person's data across the containers: a chair's export and erasure (GDPR). */
  personData: PersonData;
  /** Past minutes read and shown as a preview, until the chair confirms them. */
  pendingImports: PendingImportRepository;
  /** Each network's search index, current with what is stored. */
  search: SearchService;
  /** Where an import may fetch a file from: SharePoint and OneDrive, and loopback in tests. */
  importDownloads: { loopback: boolean };
}
