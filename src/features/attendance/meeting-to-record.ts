import type { TurnContext } from 'botbuilder';
import type { Meeting } from '../../domain/meeting';
import { meetingToActOn, type MeetingChoice, type MeetingPick } from '../../domain/meeting-to-act-on';
import { retentionMonthsOf, type Network } from '../../domain/network';
import { retentionCutoff } from '../../domain/retention';
import { isoDate, isoTime } from '../../domain/when/local-date';
import { parseWhen } from '../../domain/when/parse-when';
import { formatDay } from '../../i18n/format-when';
import { meetingLabel } from '../../i18n/meeting-label';
import type { Translate } from '../../i18n/translator';
import { meetingAccess, type MeetingDeps } from './meeting-access';

export interface MeetingToRecord {
  network: Network;
  meeting: Meeting;
  etag: string;
  t: Translate;
  /** The meeting is in progress; otherwise answers name it (`label`), since it is not the obvious one. */
  running: boolean;
  label: string;
}

/** The answer to a meeting that cannot be chosen, naming what was understood. */
function refusal(choice: Exclude<MeetingChoice, { ok: true }>, network: Network, t: Translate): string {
  const { language } = network.settings;
  switch (choice.problem) {
    case 'none':
      return t('meeting.noneToRecord');
    case 'notStarted':
      return t('meeting.notStarted', { title: choice.meeting.title });
    case 'noneOn':
      return t('meeting.noneOn', { date: formatDay(choice.pick.date, language) });
    case 'several':
      return t('meeting.severalOn', {
        date: formatDay(choice.pick.date, language),
        list: choice.meetings.map((m) => meetingLabel(m, language, true)).join('; '),
        example: `${isoDate(choice.pick.date)} ${isoTime(choice.meetings[0]?.start ?? { hour: 9, minute: 0 })}`,
      });
    case 'pastRetention':
      return t('meeting.pastRetention', {
        meeting: meetingLabel(choice.meeting, language),
        months: retentionMonthsOf(network.settings),
      });
  }
}

/**
 * The front of every command that records on a meeting or corrects its record (decisions, notes, follow-ups,
 * attendance): the network, the sender's right (`needsRole`: a chair, the secretary or, in a linked meeting chat,
 * the Teams meeting's Organizer), and which meeting is meant (domain/meeting-to-act-on; `möte <dag>` picks one).
 * `planned` lets a meeting about to start through (showing attendance before the start). Otherwise it answers why
 * and returns undefined, having written nothing.
 */
export async function meetingToRecord(
  context: TurnContext,
  deps: MeetingDeps,
  options: { needsRole: boolean; meetingDate?: string; planned?: boolean },
): Promise<MeetingToRecord | undefined> {
  const access = await meetingAccess(context, deps, options.needsRole);
  if (!access) return undefined;
  const { network, linked, t } = access;
  const now = deps.clock();
  let pick: MeetingPick | undefined;
  if (options.meetingDate) {
    const when = parseWhen(options.meetingDate, {
      now,
      zone: network.settings.timeZone,
      direction: 'nearest',
    });
    if (!when.ok || when.when.kind !== 'day') {
      await context.sendActivity(t('meeting.badPick', { text: options.meetingDate }));
      return undefined;
    }
    pick = { date: when.when.date, ...(when.when.start ? { start: when.when.start } : {}) };
  }
  const cutoff = retentionCutoff(network.settings, now);
  // A linked Teams meeting chat means its own meeting, unless a day names another.
  const choice = meetingToActOn(
    linked && !pick ? [linked.meeting] : await deps.meetings.recordable(network.networkId, now),
    { now, ...(pick ? { pick } : {}), ...(cutoff ? { retentionCutoff: cutoff } : {}) },
  );
  const chosen = choice.ok
    ? choice.meeting
    : options.planned && choice.problem === 'notStarted'
      ? choice.meeting
      : undefined;
  if (!chosen) {
    await context.sendActivity(refusal(choice as Exclude<MeetingChoice, { ok: true }>, network, t));
    return undefined;
  }
  const found = await deps.meetings.get(network.networkId, chosen.meetingId);
  if (!found) {
    await context.sendActivity(t('meeting.noneToRecord'));
    return undefined;
  }
  return {
    network,
    meeting: found.meeting,
    etag: found.etag,
    t,
    running: found.meeting.status === 'started',
    label: meetingLabel(found.meeting, network.settings.language),
  };
}
