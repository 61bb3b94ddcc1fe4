import type { Logger } from 'pino';
import type { Clock } from '../domain/clock';
import type { ConversationRepository } from '../storage/conversation-repository';
import type { NetworkRepository } from '../storage/network-repository';
import type { RosterRepository } from '../storage/roster-repository';

/** What handlers may use: repositories, a clock and a logger. Built once in the composition root. */
export interface BotDeps {
  logger: Logger;
  clock: Clock;
  conversations: ConversationRepository;
  networks: NetworkRepository;
  roster: RosterRepository;
}
