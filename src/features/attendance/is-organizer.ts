import { TeamsInfo, type TurnContext } from 'botbuilder';
import { AppError } from '../../domain/app-error';
import { teamsAnswered } from '../../bot/teams-status';

/**
 * In a Teams meeting chat, the meeting's Organizer may run it too. Asked of Teams each time (roles change during
 * a meeting, so never cached); a participant Teams does not know (404/403) is not the Organizer.
 */
export async function isOrganizer(context: TurnContext): Promise<boolean> {
  const meetingId = (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
  if (!meetingId || !context.activity.from.aadObjectId) return false;
  try {
    return (await TeamsInfo.getMeetingParticipant(context, meetingId)).meeting?.role === 'Organizer';
  } catch (error) {
    if (teamsAnswered(error, 404, 403)) return false;
    throw new AppError('TeamsUnavailable', 'meeting participant API failed', { cause: error });
  }
}
