import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { AppError } from '../../domain/app-error';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import { teamsAnswered } from '../../bot/teams-status';
import { meetingForJoinUrl } from './linked-meeting';

/**
 * The planned meeting this Teams meeting's chat belongs to, found by asking Teams' meeting info API for the
 * meeting's join link. Undefined when Teams does not know this chat as a meeting (404) or no planned meeting has
 * that link; any other failure of Teams is TeamsUnavailable.
 */
export async function matchMeetingChat(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'clock'>,
): Promise<{ meeting: Meeting; network: Network } | undefined> {
  let joinUrl: string | undefined;
  try {
    joinUrl = (await TeamsInfo.getMeetingInfo(context)).details?.joinUrl;
  } catch (error) {
    if (teamsAnswered(error, 404)) return undefined;
    throw new AppError('TeamsUnavailable', 'meeting info API failed', { cause: error });
  }
  const meeting = joinUrl ? await meetingForJoinUrl(deps, joinUrl) : undefined;
  const network = meeting ? (await deps.networks.get(meeting.networkId))?.network : undefined;
  return meeting && network ? { meeting, network } : undefined;
}
