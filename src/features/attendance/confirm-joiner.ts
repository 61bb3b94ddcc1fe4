import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { joinerIncludeSchema, joinerLeaveOutSchema, renderJoinerCard } from '../../cards/joiner-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { joinedOnly } from '../../domain/attendance';
import { parseItemList } from '../../domain/item-list';
import type { Meeting } from '../../domain/meeting';
import { canManageRoster, rosterKeepers, type Network } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { meetingOfCard } from '../rsvp/meeting-of-card';

type Deps = Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'attendance' | 'clock'>;

/** The cards for those only Teams saw join: one each, at most ten (the rest are named in the message). */
export async function joinerCards(
  deps: Pick<BotDeps, 'attendance'>,
  network: Network,
  meeting: Meeting,
): Promise<AdaptiveCardJson[]> {
  const joiners = (await deps.attendance.list(meeting.meetingId)).filter(joinedOnly).slice(0, 10);
  return joiners.map((record) =>
    renderJoinerCard({
      language: network.settings.language,
      networkId: network.networkId,
      meetingId: meeting.meetingId,
      person: { key: record.personKey, name: record.name },
    }),
  );
}

/**
 * "Ta med som gäst" (with organisation and items) or "Lämna utanför" on a joiner's card: the chair's word is
 * recorded (source `chair`), so the person is in the minutes as a guest, or not at all.
 */
export function createConfirmJoiner(deps: Deps, mode: 'include' | 'leaveOut') {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed =
      mode === 'include' ? joinerIncludeSchema.safeParse(data) : joinerLeaveOutSchema.safeParse(data);
    const found = parsed.success ? await meetingOfCard(context, deps, parsed.data) : undefined;
    if (!parsed.success || !found)
      return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const { network, meeting } = found;
    const t = createTranslator(network.settings.language);
    if (!canManageRoster(network, actorOf(context)?.aadObjectId))
      return t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') });
    const record = (await deps.attendance.list(meeting.meetingId)).find(
      (r) => r.personKey === parsed.data.person,
    );
    if (!record) return t('card.stale');
    const input = parsed.data as { organisation?: string; items?: string };
    const items = parseItemList(input.items ?? '', meeting.items.length);
    if ('unknown' in items)
      return t('attendance.badItems', { items: items.unknown.join(', '), count: meeting.items.length });
    const include = mode === 'include';
    const organisation = input.organisation || record.organisation;
    await deps.attendance.record(
      {
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        personKey: record.personKey,
        ...(record.userId ? { userId: record.userId } : {}),
        name: record.name,
        ...(organisation ? { organisation } : {}),
        guest: true,
        ...(include && items.items.length ? { items: items.items } : {}),
        updatedAt: deps.clock().toISOString(),
      },
      'chair',
      include,
    );
    return renderJoinerCard({
      language: network.settings.language,
      networkId: network.networkId,
      meetingId: meeting.meetingId,
      person: { key: record.personKey, name: record.name },
      done: t(include ? 'joiner.included' : 'joiner.leftOut', { name: record.name }),
    });
  };
}
