import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import {
  attendanceCorrectSchema,
  attendanceGuestSchema,
  renderAttendanceCorrectionCard,
} from '../../cards/attendance-correction-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { itemsNaming } from '../../domain/attendee';
import { parseItemList } from '../../domain/item-list';
import type { Meeting } from '../../domain/meeting';
import { foldName, sameGuest } from '../../domain/names';
import { canManageRoster, rosterKeepers, type Network } from '../../domain/network';
import { itemsPhrase } from '../../i18n/attendance-lines';
import { createTranslator } from '../../i18n/translator';
import { meetingOfCard } from '../rsvp/meeting-of-card';
import { attendancePeople } from './attendance-people';

type Deps = Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'attendance' | 'clock'>;

/** The correction card as a chair sees it, with the people it can mark; `notice` says what the last change did. */
export async function correctionCard(
  deps: Pick<BotDeps, 'roster' | 'attendance'>,
  network: Network,
  meeting: Meeting,
  notice?: { text: string; good: boolean },
): Promise<AdaptiveCardJson> {
  const people = await attendancePeople(deps, meeting);
  return renderAttendanceCorrectionCard({
    language: network.settings.language,
    networkId: network.networkId,
    meeting,
    people: people.map(({ key, label }) => ({ key, label })),
    ...(notice ? { notice } : {}),
  });
}

/**
 * A chair's or the secretary's correction from the card: mark someone present or absent (source "chair"), or add a
 * guest present for named items. Allowed while the meeting runs and after it ended, before the minutes.
 */
export function createCorrectAttendance(deps: Deps, mode: 'correct' | 'addGuest') {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const correct = mode === 'correct' ? attendanceCorrectSchema.safeParse(data) : undefined;
    const guest = mode === 'addGuest' ? attendanceGuestSchema.safeParse(data) : undefined;
    const ref = correct?.success ? correct.data : guest?.success ? guest.data : undefined;
    const found = ref ? await meetingOfCard(context, deps, ref) : undefined;
    if (!found) return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const { network, meeting } = found;
    const { language } = network.settings;
    const t = createTranslator(language);
    if (!canManageRoster(network, actorOf(context)?.aadObjectId))
      return t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') });
    if (meeting.status !== 'started' && meeting.status !== 'ended')
      return t('attendance.correctNotRunning', { title: meeting.title });
    const now = deps.clock().toISOString();
    const answer = async (text: string, good: boolean) =>
      correctionCard(deps, network, meeting, { text, good });

    if (correct?.success) {
      const person = (await attendancePeople(deps, meeting)).find((p) => p.key === correct.data.person);
      if (!person) return answer(t('attendance.unknownPerson'), false);
      const present = correct.data.presence === 'present';
      const { member, record } = person;
      // How they count stays as recorded (guest items, substitute); a roster member counts for their organisation.
      const organisation = record?.organisation ?? member?.organisation;
      const userId = record?.userId ?? member?.userId;
      const saved = await deps.attendance.record(
        {
          meetingId: meeting.meetingId,
          networkId: network.networkId,
          personKey: person.key,
          ...(userId ? { userId } : {}),
          name: record?.name ?? member?.name ?? person.label,
          ...(organisation ? { organisation } : {}),
          ...((record?.guest ?? member?.guest) ? { guest: true as const } : {}),
          ...(record?.items ? { items: record.items } : {}),
          ...(record?.substituteFor ? { substituteFor: record.substituteFor } : {}),
          updatedAt: now,
        },
        'chair',
        present,
      );
      return answer(
        t(present ? 'attendance.markedPresent' : 'attendance.markedAbsent', { name: saved.name }),
        true,
      );
    }

    if (!guest?.success) return t('card.stale');
    const { name } = guest.data;
    const parsed = parseItemList(guest.data.items ?? '', meeting.items.length);
    if ('unknown' in parsed)
      return answer(
        t('attendance.badItems', { items: parsed.unknown.join(', '), count: meeting.items.length }),
        false,
      );
    const items = parsed.items.length ? parsed.items : itemsNaming(name, meeting.items);
    // A guest already on the roster (`gäst Namn, Org`) or already recorded is the same person: one entry.
    const known = (await attendancePeople(deps, meeting)).find((person) => {
      const org = person.record?.organisation ?? person.member?.organisation;
      const isGuest = person.record?.guest ?? person.member?.guest;
      const who = person.record?.name ?? person.member?.name ?? person.label;
      return (
        isGuest &&
        sameGuest(
          { name, ...(guest.data.organisation ? { organisation: guest.data.organisation } : {}) },
          { name: who, ...(org ? { organisation: org } : {}) },
        )
      );
    });
    const organisation =
      guest.data.organisation ?? known?.record?.organisation ?? known?.member?.organisation;
    await deps.attendance.record(
      {
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        personKey: known?.key ?? `guest:${foldName(name)}`,
        name,
        ...(organisation ? { organisation } : {}),
        guest: true,
        ...(items.length ? { items } : {}),
        updatedAt: now,
      },
      'chair',
    );
    const who = organisation ? `${name}, ${organisation}` : name;
    return answer(
      items.length
        ? t('attendance.guestAddedItems', { name: who, items: itemsPhrase(items, language, t) })
        : t('attendance.guestAdded', { name: who }),
      true,
    );
  };
}
