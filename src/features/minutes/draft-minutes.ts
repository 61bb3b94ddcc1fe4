import type { BotDeps } from '../../bot/bot-deps';
import { isAppError } from '../../domain/app-error';
import type { Meeting } from '../../domain/meeting';
import { isDeepStrictEqual } from 'node:util';
import { minutesLayoutOf } from '../../domain/minutes-layout';
import { buildMinutes, type Minutes } from '../../domain/minutes';
import type { Network } from '../../domain/network';
import type { VersionedMinutes } from '../../storage/minutes-repository';

type Deps = Pick<
  BotDeps,
  'meetings' | 'roster' | 'attendance' | 'decisions' | 'notes' | 'followUps' | 'minutes' | 'clock'
>;
const ATTEMPTS = 3;

/** What was recorded is the same: the coming meetings listed at the end move on by themselves and are no change. */
const sameRecord = (a: Minutes, b: Minutes): boolean =>
  isDeepStrictEqual({ ...a, upcoming: [] }, { ...b, upcoming: [] });

/**
 * The meeting's minutes made afresh from what was recorded: the open draft is rewritten, or, when there is none
 * (nothing yet, or the latest version is approved), a new draft version is made; approved versions are kept. After
 * approval a new version is made only when the record changed or `fresh` asks for one; otherwise the approved
 * version is returned as it is (`unchanged`).
 */
export async function draftMinutes(
  deps: Deps,
  network: Network,
  meeting: Meeting,
  by: string,
  options: { fresh?: boolean } = {},
): Promise<VersionedMinutes & { unchanged?: true }> {
  const [attendance, roster, decisions, notes, followUps, upcoming] = await Promise.all([
    deps.attendance.list(meeting.meetingId),
    deps.roster.list(network.networkId),
    deps.decisions.list(meeting.meetingId),
    deps.notes.list(meeting.meetingId),
    deps.followUps.listForMeeting(network.networkId, meeting.meetingId),
    deps.meetings.upcoming(network.networkId, deps.clock()),
  ]);
  const minutes = buildMinutes({
    networkName: network.settings.name,
    ...(network.settings.staffOrganisation ? { staffOrganisation: network.settings.staffOrganisation } : {}),
    meeting,
    attendance,
    roster,
    decisions,
    notes,
    followUps,
    ...(network.settings.secretary ? { secretary: network.settings.secretary.name } : {}),
    ...(network.settings.secretaryTitle ? { secretaryTitle: network.settings.secretaryTitle } : {}),
    layout: minutesLayoutOf(network.settings.minutesLayout),
    upcoming,
  });
  const now = deps.clock().toISOString();
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const latest = await deps.minutes.latest(meeting.meetingId);
    if (
      latest?.minutes.status === 'approved' &&
      !options.fresh &&
      sameRecord(latest.minutes.minutes, minutes)
    )
      return { ...latest, unchanged: true };
    if (!latest || latest.minutes.status === 'approved')
      return deps.minutes.createNext({
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        status: 'draft',
        language: network.settings.language,
        minutes,
        createdBy: by,
        createdAt: now,
        updatedAt: now,
      });
    try {
      return await deps.minutes.replace(
        { ...latest.minutes, minutes, language: network.settings.language, updatedAt: now },
        latest.etag,
      );
    } catch (error) {
      if (!isAppError(error) || error.code !== 'Conflict') throw error;
    }
  }
  throw new Error(`minutes of ${meeting.meetingId} kept changing`);
}
