import { TeamsInfo, type TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { AppError } from '../../domain/app-error';
import { currentMeeting } from '../../domain/attendance';
import type { Meeting } from '../../domain/meeting';
import { canManageRoster, rosterKeepers, type Network } from '../../domain/network';
import { createTranslator, type Translate } from '../../i18n/translator';
import { hasStatus } from '../../storage/cosmos-errors';
import { activeNetwork } from '../roster/active-network';
import { linkedMeeting } from './linked-meeting';

/**
 * In a Teams meeting chat, the meeting's Organizer may run it too. Asked of Teams each time (roles change during
 * a meeting, so never cached); a participant Teams does not know (404/403) is not the Organizer.
 */
async function isOrganizer(context: TurnContext): Promise<boolean> {
  const meetingId = (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
  if (!meetingId || !context.activity.from.aadObjectId) return false;
  try {
    return (await TeamsInfo.getMeetingParticipant(context, meetingId)).meeting?.role === 'Organizer';
  } catch (error) {
    if (hasStatus(error, 404) || hasStatus(error, 403)) return false;
    throw new AppError('TeamsUnavailable', 'meeting participant API failed', { cause: error });
  }
}

/**
 * The network, its current meeting and the network's translator; `needsRole` requires a chair or the secretary
 * (stored roles). Otherwise it answers why not and returns undefined.
 */
export async function meetingInProgress(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>,
  options: { needsRole: boolean },
): Promise<{ network: Network; meeting: Meeting; etag: string; t: Translate } | undefined> {
  // In a Teams meeting chat linked to a planned meeting, that meeting is the one meant.
  const linked = await linkedMeeting(context, deps);
  const network = linked?.network ?? (await activeNetwork(context, deps));
  if (!network) {
    await context.sendActivity(
      createTranslator(await turnLanguage(context, deps.networks))('meeting.networkNotSetUp'),
    );
    return undefined;
  }
  const t = createTranslator(network.settings.language);
  if (
    options.needsRole &&
    !canManageRoster(network, actorOf(context)?.aadObjectId) &&
    !(linked && (await isOrganizer(context)))
  ) {
    await context.sendActivity(t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') }));
    return undefined;
  }
  if (linked) return { network, meeting: linked.meeting, etag: linked.etag, t };
  const meeting = currentMeeting(await deps.meetings.upcoming(network.networkId, deps.clock()), deps.clock());
  const found = meeting ? await deps.meetings.get(network.networkId, meeting.meetingId) : undefined;
  if (!found) {
    await context.sendActivity(t('meeting.noCurrent'));
    return undefined;
  }
  return { network, meeting: found.meeting, etag: found.etag, t };
}
