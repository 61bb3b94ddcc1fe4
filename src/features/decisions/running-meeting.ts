import type { TurnContext } from 'botbuilder';
import type { CommandInput } from '../../bot/command-router';
import type { MeetingDeps } from '../attendance/meeting-access';
import { meetingToRecord, type MeetingToRecord } from '../attendance/meeting-to-record';

/**
 * The front of every command that records something in a meeting (decisions, notes, follow-ups): the sender may
 * run the meeting, and it is in progress or ended with its minutes still to finish (or the one `möte <dag>` names).
 * Otherwise it answers why and returns undefined.
 */
export async function runningMeeting(
  context: TurnContext,
  deps: MeetingDeps,
  input?: Pick<CommandInput, 'meetingDate'>,
): Promise<MeetingToRecord | undefined> {
  return meetingToRecord(context, deps, {
    needsRole: true,
    ...(input?.meetingDate ? { meetingDate: input.meetingDate } : {}),
  });
}
