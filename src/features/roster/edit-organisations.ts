import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import {
  organisationInputId,
  organisationsEditSchema,
  renderOrganisationsEdit,
} from '../../cards/organisation-cards';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { canManageRoster, rosterKeepers, type Network } from '../../domain/network';
import { ORGANISATION_MAX } from '../../domain/roster';
import { createTranslator, type Translate } from '../../i18n/translator';
import { activeNetwork } from './active-network';

type Access = { network: Network; t: Translate } | { refusal: string };

/** The network, when the sender is a chair or its secretary (stored roles, not the card). */
export async function rosterKeeperAccess(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks'>,
): Promise<Access> {
  const t = createTranslator(await turnLanguage(context, deps.networks));
  const network = await activeNetwork(context, deps);
  if (!network) return { refusal: t('meeting.networkNotSetUp') };
  if (!canManageRoster(network, actorOf(context)?.aadObjectId)) {
    return { refusal: t('organisations.rolesOnly', { names: rosterKeepers(network).join(', ') }) };
  }
  return { network, t };
}

/** `organisationer` / `organisations`: every member's organisation on one card, for chairs and the secretary. */
export function createOpenOrganisations(deps: Pick<BotDeps, 'networks' | 'roster'>) {
  return async (context: TurnContext): Promise<AdaptiveCardJson | string> => {
    const access = await rosterKeeperAccess(context, deps);
    if ('refusal' in access) return access.refusal;
    const { network } = access;
    return renderOrganisationsEdit({
      language: network.settings.language,
      network,
      members: await deps.roster.list(network.networkId),
    });
  };
}

/** Saves the corrections; only members still on the roster are touched, and only fields that changed. */
export function createSaveOrganisations(deps: Pick<BotDeps, 'networks' | 'roster'>) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const access = await rosterKeeperAccess(context, deps);
    if ('refusal' in access) return access.refusal;
    const { network, t } = access;
    const parsed = organisationsEditSchema.safeParse(data);
    if (!parsed.success || parsed.data.networkId !== network.networkId) return t('card.stale');
    const values = parsed.data as Record<string, unknown>;
    const members = new Map((await deps.roster.list(network.networkId)).map((m) => [m.userId, m]));
    const changes: { userId: string; organisation: string }[] = [];
    const tooLong: string[] = [];
    for (const [index, userId] of parsed.data.members.entries()) {
      const member = members.get(userId);
      const raw = values[organisationInputId(index)];
      if (!member || typeof raw !== 'string') continue;
      const organisation = raw.trim();
      if (organisation.length > ORGANISATION_MAX) tooLong.push(member.name);
      else if (organisation && organisation !== member.organisation) changes.push({ userId, organisation });
    }
    if (tooLong.length) return t('organisations.tooLong', { names: tooLong.join(', ') });
    for (const change of changes)
      await deps.roster.setOrganisation(network.networkId, change.userId, change.organisation);
    return renderOrganisationsEdit({
      language: network.settings.language,
      network,
      members: await deps.roster.list(network.networkId),
      notice: t('organisations.saved'),
    });
  };
}
