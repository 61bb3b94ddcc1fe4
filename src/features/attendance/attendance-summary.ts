import type { Activity } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { mentionMessage } from '../../bot/mention-message';
import { groupAttendance, joinedOnly } from '../../domain/attendance';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import type { Translate } from '../../i18n/translator';

/**
 * The message when a meeting ends, addressed to the secretary (the chairs when there is none) with an @mention:
 * how many were present and what the minutes still lack: items with neither decision nor note, follow-ups without
 * a deadline, members not checked in, guests without an organisation.
 */
export async function endedSummary(
  deps: Pick<BotDeps, 'roster' | 'attendance' | 'decisions' | 'notes' | 'followUps'>,
  network: Network,
  meeting: Meeting,
  t: Translate,
): Promise<Partial<Activity>> {
  const [records, roster, decisions, notes, followUps] = await Promise.all([
    deps.attendance.list(meeting.meetingId),
    deps.roster.list(network.networkId),
    deps.decisions.list(meeting.meetingId),
    deps.notes.list(meeting.meetingId),
    deps.followUps.listForMeeting(network.networkId, meeting.meetingId),
  ]);
  const groups = groupAttendance(records, roster);
  const present =
    groups.present.reduce((sum, group) => sum + group.people.length, 0) +
    groups.guests.filter((g) => !joinedOnly(g)).length;
  const covered = new Set(
    [...decisions.filter((d) => d.status === 'active'), ...notes, ...followUps].flatMap((x) =>
      x.item !== undefined ? [x.item] : [],
    ),
  );
  const bare = meeting.items.flatMap((item, index) =>
    covered.has(index + 1) ? [] : [`${index + 1}. ${item.title}`],
  );
  const undated = followUps.filter((f) => f.status === 'open' && !f.due);
  const joiners = records.filter(joinedOnly).map((r) => r.name);
  const guestsWithoutOrganisation = groups.guests
    .filter((g) => !g.organisation && !joinedOnly(g))
    .map((g) => g.name);
  const missing = [
    ...(bare.length ? [t('meeting.missingItems', { items: bare.join('; ') })] : []),
    ...(undated.length
      ? [
          t('meeting.missingDueDates', {
            followUps: undated.map((f) => `${f.owner.name}: ${f.text}`).join('; '),
          }),
        ]
      : []),
    ...(groups.absent.length
      ? [t('meeting.missingCheckIns', { names: groups.absent.map((a) => a.name).join(', ') })]
      : []),
    ...(joiners.length ? [t('meeting.joinersHeading', { names: joiners.join(', ') })] : []),
    ...(guestsWithoutOrganisation.length
      ? [t('meeting.missingOrganisations', { names: guestsWithoutOrganisation.join(', ') })]
      : []),
  ];
  const addressees = network.settings.secretary ? [network.settings.secretary] : network.settings.chairs;
  const people = addressees.flatMap((person) => {
    const member = roster.find((m) => m.aadObjectId === person.aadObjectId);
    return member ? [{ id: member.userId, name: member.name }] : [];
  });
  const mentions = people.map((p) => `<at>${p.name}</at>`).join(', ');
  const text = [
    `${mentions ? `${mentions}: ` : ''}${t('meeting.ended', { title: meeting.title, present })}`,
    '',
    ...(missing.length
      ? [t('meeting.missingHeading'), ...missing.map((line) => `- ${line}`)]
      : [t('meeting.nothingMissing')]),
  ].join('\n');
  return mentionMessage(people, text);
}
