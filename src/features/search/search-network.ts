import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { renderSearchResults, type SearchHitView } from '../../cards/search-results-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { canManageRoster, type Network } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { parseSearch } from '../../search/search-query';
import { activeNetwork } from '../roster/active-network';

type Deps = Pick<BotDeps, 'networks' | 'roster' | 'minutes' | 'search' | 'clock'>;

/** Hits on one card; "Visa fler" shows the next ones. */
export const PAGE = 10;

/**
 * Who may find what: in a network's chat, what that chat shows (decisions, follow-ups, agenda items) to anyone in
 * it, and the notes of minutes not yet approved to its chairs and secretary only; in the personal chat, the same
 * for each network the asker is a member of. Nobody finds another network's content.
 */
async function searchable(
  context: TurnContext,
  deps: Deps,
): Promise<{ network: Network; drafts: boolean }[]> {
  const actor = actorOf(context);
  if (context.activity.conversation.conversationType !== 'personal') {
    const network = await activeNetwork(context, deps);
    return network ? [{ network, drafts: canManageRoster(network, actor?.aadObjectId) }] : [];
  }
  const memberships = await deps.roster.memberships({
    userId: context.activity.from.id,
    ...(actor ? { aadObjectId: actor.aadObjectId } : {}),
  });
  const networks = await deps.networks.getMany([...new Set(memberships.map((m) => m.networkId))]);
  return networks
    .filter((n) => n.status === 'active')
    .map((network) => ({ network, drafts: canManageRoster(network, actor?.aadObjectId) }));
}

/** `sök <ord>` / `search <words>` and "Visa fler": the results card, or what was searched for and not found. */
export async function searchResults(
  context: TurnContext,
  deps: Deps,
  line: string,
  page: number,
): Promise<AdaptiveCardJson | string> {
  const t = createTranslator(await turnLanguage(context, deps.networks));
  const query = parseSearch(line);
  if (!query.words.length) return t('search.usage');
  const scopes = await searchable(context, deps);
  if (!scopes.length) return t('search.noNetworks');
  const now = deps.clock();
  const personal = context.activity.conversation.conversationType === 'personal';
  const hits: SearchHitView[] = [];
  for (const { network, drafts } of scopes) {
    const index = await deps.search.index(network, now);
    for (const hit of index.search(query, { drafts }))
      hits.push({
        ...hit,
        networkId: network.networkId,
        ...(personal ? { networkName: network.settings.name } : {}),
      });
  }
  hits.sort((a, b) => b.score - a.score || b.startsAt.localeCompare(a.startsAt));
  if (!hits.length) return t('search.none', { query: line.trim() });
  const shown = hits.slice((page - 1) * PAGE, page * PAGE);
  // The minutes open from the network's chat, as the minutes card's own button does (drafts for those allowed).
  if (!personal)
    for (const hit of shown) {
      const latest = await deps.minutes.latest(hit.meetingId);
      const allowed = latest && (latest.minutes.status === 'approved' || scopes[0]?.drafts);
      if (latest && allowed) hit.minutesVersion = latest.minutes.version;
    }
  return renderSearchResults({
    language: scopes[0]!.network.settings.language,
    query: line.trim(),
    hits: shown,
    page,
    more: hits.length > page * PAGE,
  });
}
