import type { TurnContext } from 'botbuilder';
import { currentMeeting } from '../../domain/attendance';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import type { Translate } from '../../i18n/translator';
import { meetingAccess, type MeetingDeps } from './meeting-access';

/**
 * For running a meeting (start, end, check-in, the current item): the network, its current meeting (in progress, or
 * planned to start within twelve hours) and the network's translator; `needsRole` requires a chair or the secretary.
 * Otherwise it answers why not and returns undefined.
 */
export async function meetingInProgress(
  context: TurnContext,
  deps: MeetingDeps,
  options: { needsRole: boolean },
): Promise<{ network: Network; meeting: Meeting; etag: string; t: Translate } | undefined> {
  const access = await meetingAccess(context, deps, options.needsRole);
  if (!access) return undefined;
  const { network, linked, t } = access;
  // In a Teams meeting chat linked to a planned meeting, that meeting is the one meant.
  if (linked) return { network, meeting: linked.meeting, etag: linked.etag, t };
  const meeting = currentMeeting(await deps.meetings.upcoming(network.networkId, deps.clock()), deps.clock());
  const found = meeting ? await deps.meetings.get(network.networkId, meeting.meetingId) : undefined;
  if (!found) {
    await context.sendActivity(t('meeting.noCurrent'));
    return undefined;
  }
  return { network, meeting: found.meeting, etag: found.etag, t };
}
