import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { meetingInProgress } from '../attendance/meeting-in-progress';

/**
 * The front of every command that records something in the meeting (decisions, notes, follow-ups): the sender may
 * run the meeting and it is in progress. Otherwise it answers why and returns undefined.
 */
export async function runningMeeting(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>,
): ReturnType<typeof meetingInProgress> {
  const access = await meetingInProgress(context, deps, { needsRole: true });
  if (!access) return undefined;
  if (access.meeting.status !== 'started') {
    await context.sendActivity(access.t('meeting.notStarted', { title: access.meeting.title }));
    return undefined;
  }
  return access;
}
