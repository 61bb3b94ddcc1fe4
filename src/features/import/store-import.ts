import { createHash } from 'node:crypto';
import type { BotDeps } from '../../bot/bot-deps';
import type { AgendaItem } from '../../domain/agenda-items';
import { memberOwner, type FollowUpOwner } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import { recordedAsHeld } from '../../domain/meeting';
import { buildMinutes } from '../../domain/minutes';
import { minutesLayoutOf } from '../../domain/minutes-layout';
import { foldName } from '../../domain/names';
import type { Network } from '../../domain/network';
import { reminderPolicyOf } from '../../domain/reminders/reminder-policy';
import { scheduleReminders } from '../../domain/reminders/follow-up-reminders';
import { parseRichText } from '../../domain/rich-text';
import type { RosterMember } from '../../domain/roster';
import { parseDay, toInstant } from '../../domain/when/local-date';
import type { ImportedMinutes } from '../../import/imported-minutes';

type Deps = Pick<
  BotDeps,
  'meetings' | 'roster' | 'attendance' | 'decisions' | 'notes' | 'followUps' | 'minutes' | 'clock'
>;

export type ImportResult =
  | {
      stored: true;
      meeting: Meeting;
      counts: Record<'attendance' | 'decisions' | 'notes' | 'followUps', number>;
    }
  | { stored: false; already: Meeting };

/** One import's identity: the network and the text read, so the same minutes again are the same import. */
export const importKey = (networkId: string, text: string): string =>
  createHash('sha256')
    .update(`${networkId}\n${text.normalize('NFC')}`)
    .digest('hex');

/** A UUID made from the import's key (cards and commands name meetings by UUID). */
const meetingIdOf = (key: string): string =>
  `${key.slice(0, 8)}-${key.slice(8, 12)}-5${key.slice(13, 16)}-a${key.slice(17, 20)}-${key.slice(20, 32)}`;

/**
 * Stores a network's past minutes, read by the importer and confirmed by a chair: a meeting recorded afterwards,
 * its attendance, notes, decisions, follow-ups (open ones reminded per the network's policy) and approved minutes
 * marked imported. Organisations the roster lacks are filled in from it. Every document has an id made from the
 * import, and the meeting is written last: the same minutes again write nothing, and a retry after a failure part
 * way completes the import instead of doubling it.
 */
export async function storeImport(
  deps: Deps,
  network: Network,
  imported: ImportedMinutes,
  options: { key: string; date: string; by: string; file?: string },
): Promise<ImportResult> {
  const meetingId = meetingIdOf(options.key);
  const existing = await deps.meetings.get(network.networkId, meetingId);
  if (existing) return { stored: false, already: existing.meeting };
  const { timeZone } = network.settings;
  const now = deps.clock();
  const at = now.toISOString();
  const date = parseDay(options.date);
  const roster = await deps.roster.list(network.networkId);
  const memberNamed = (name: string): RosterMember | undefined =>
    roster.find((m) => !m.guest && foldName(m.name) === foldName(name));

  const items: AgendaItem[] = imported.items.map((item) => ({
    title: item.title,
    presenters: item.presenters.map((p) => (p.organisation ? `${p.name}, ${p.organisation}` : p.name)),
    guests: [],
    slides: item.slides,
    ...(item.subItems.length
      ? {
          subItems: item.subItems.map((sub, i) => ({
            label: String.fromCharCode(97 + i),
            title: sub.title,
            presenters: sub.presenters.map((p) => (p.organisation ? `${p.name}, ${p.organisation}` : p.name)),
          })),
        }
      : {}),
  }));
  const start = { hour: 9, minute: 0 };
  const end = { hour: 12, minute: 0 };
  const meeting: Meeting = recordedAsHeld({
    meetingId,
    networkId: network.networkId,
    title:
      imported.meeting.title ?? (network.settings.language === 'sv' ? 'Nätverksmöte' : 'Network meeting'),
    date,
    start,
    end,
    timeZone,
    startsAt: toInstant(date, start, timeZone),
    endsAt: toInstant(date, end, timeZone),
    mode: imported.meeting.place && !/teams|digital/i.test(imported.meeting.place) ? 'physical' : 'digital',
    ...(imported.meeting.place && !/teams|digital/i.test(imported.meeting.place)
      ? { place: imported.meeting.place }
      : {}),
    items,
    status: 'ended',
    createdBy: options.by,
    createdAt: at,
    updatedAt: at,
  });
  const itemOk = (item: number | null) =>
    item !== null && item >= 1 && item <= items.length ? item : undefined;

  // The roster's organisations filled in where it has none; people not in the chat are kept by name only.
  for (const person of imported.attendance) {
    const member = memberNamed(person.name);
    if (member && !member.organisation && person.organisation)
      await deps.roster.setOrganisation(network.networkId, member.userId, person.organisation);
    // Where the roster says otherwise, the minutes' word is a suggestion on the `organisationer` card.
    else if (
      member?.organisation &&
      person.organisation &&
      foldName(member.organisation) !== foldName(person.organisation)
    )
      await deps.roster.suggestOrganisation(network.networkId, member.userId, person.organisation);
  }
  for (const person of imported.attendance.filter((p) => p.status !== 'absent')) {
    const member = memberNamed(person.name);
    await deps.attendance.record(
      {
        meetingId,
        networkId: network.networkId,
        personKey: member?.aadObjectId ?? `imported:${foldName(person.name)}`,
        ...(member ? { userId: member.userId } : {}),
        name: member?.name ?? person.name,
        ...(person.organisation ? { organisation: person.organisation } : {}),
        ...(person.status === 'guest' ? { guest: true as const } : {}),
        ...(person.items.length ? { items: person.items } : {}),
        updatedAt: at,
      },
      'chair',
    );
  }
  const already = await deps.decisions.list(meetingId);
  for (const [index, decision] of imported.decisions.entries()) {
    if (already.some((d) => d.number === index + 1)) continue;
    const item = itemOk(decision.item);
    await deps.decisions.record({
      meetingId,
      networkId: network.networkId,
      ...(item !== undefined ? { item } : {}),
      text: decision.text,
      body: parseRichText(decision.text),
      previous: [],
      status: 'active',
      createdBy: options.by,
      createdAt: at,
      updatedAt: at,
    });
  }
  for (const [index, note] of imported.notes.entries()) {
    const item = itemOk(note.item);
    await deps.notes.add({
      meetingId,
      networkId: network.networkId,
      noteId: `import-${index}`,
      ...(item !== undefined ? { item } : {}),
      text: note.text,
      body: parseRichText(note.text),
      createdBy: options.by,
      createdAt: at,
    });
  }
  const organisations = new Set(
    [
      ...roster.flatMap((m) => (m.organisation ? [m.organisation] : [])),
      ...imported.attendance.flatMap((p) => (p.organisation ? [p.organisation] : [])),
    ].map(foldName),
  );
  for (const [index, followUp] of imported.followUps.entries()) {
    const member = memberNamed(followUp.owner);
    const owner: FollowUpOwner = member
      ? memberOwner(member)
      : organisations.has(foldName(followUp.owner))
        ? { kind: 'organisation', name: followUp.owner }
        : { kind: 'person', name: followUp.owner };
    const item = itemOk(followUp.item);
    await deps.followUps.create(
      scheduleReminders(
        {
          networkId: network.networkId,
          followUpId: `${meetingId}-${index}`,
          meetingId,
          ...(item !== undefined ? { item } : {}),
          owner,
          text: followUp.text,
          ...(followUp.due ? { due: followUp.due } : {}),
          status: 'open',
          changes: [],
          revision: 0,
          createdBy: options.by,
          createdAt: at,
          updatedAt: at,
        },
        reminderPolicyOf(network.settings),
        timeZone,
        now,
      ),
    );
  }

  // The minutes as they were approved then, with the attendance as the minutes wrote it (not today's roster).
  const [attendance, decisions, notes, followUps] = await Promise.all([
    deps.attendance.list(meetingId),
    deps.decisions.list(meetingId),
    deps.notes.list(meetingId),
    deps.followUps.listForMeeting(network.networkId, meetingId),
  ]);
  const pastRoster: RosterMember[] = imported.attendance
    .filter((p) => p.status !== 'guest')
    .map((p) => ({
      networkId: network.networkId,
      userId: `imported:${foldName(p.name)}`,
      aadObjectId:
        attendance.find((a) => foldName(a.name) === foldName(p.name))?.personKey ??
        `imported:${foldName(p.name)}`,
      name: p.name,
      ...(p.organisation ? { organisation: p.organisation } : {}),
      status: 'member' as const,
      updatedAt: at,
    }));
  if (!(await deps.minutes.latest(meetingId)))
    await deps.minutes.createNext({
      meetingId,
      networkId: network.networkId,
      status: 'approved',
      imported: true,
      language: network.settings.language,
      minutes: buildMinutes({
        networkName: network.settings.name,
        meeting,
        attendance,
        roster: pastRoster,
        decisions,
        notes,
        followUps,
        ...(imported.secretary ? { secretary: imported.secretary.name } : {}),
        ...(imported.secretary?.title ? { secretaryTitle: imported.secretary.title } : {}),
        layout: minutesLayoutOf(network.settings.minutesLayout),
        upcoming: [],
      }),
      createdBy: options.by,
      createdAt: at,
      updatedAt: at,
      approvedBy: options.by,
      approvedAt: at,
    });
  // Last: the meeting is what says the import is done.
  const stored = await deps.meetings.create({
    ...meeting,
    minutesApprovedAt: at,
    importedFrom: { key: options.key, ...(options.file ? { file: options.file } : {}) },
  });
  return {
    stored: true,
    meeting: stored.meeting,
    counts: {
      attendance: attendance.length,
      decisions: decisions.length,
      notes: notes.length,
      followUps: followUps.length,
    },
  };
}
