import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import { renderFollowUpCard } from '../../cards/follow-up-card';
import { mayChangeFollowUp, type FollowUp } from '../../domain/follow-up';
import { createTranslator } from '../../i18n/translator';

/** Cards in one answer: Teams allows 7 messages a second per conversation, and a long list is read by nobody. */
const CARDS_MAX = 10;

/**
 * `uppföljning` in the personal chat: the user's own open follow-ups across every network they are a member of,
 * earliest deadline first, each as its card (Done, Change date, Reassign), in the user's language.
 */
export function createMyFollowUps(deps: Pick<BotDeps, 'networks' | 'meetings' | 'roster' | 'followUps'>) {
  return async (context: TurnContext): Promise<void> => {
    const language = await turnLanguage(context, deps.networks);
    const t = createTranslator(language);
    const actor = actorOf(context);
    const userId = context.activity.from.id;
    const memberships = await deps.roster.memberships({
      userId,
      ...(actor ? { aadObjectId: actor.aadObjectId } : {}),
    });
    const networkIds = [...new Set(memberships.map((m) => m.networkId))];
    const [networkList, rosters, open] = await Promise.all([
      deps.networks.getMany(networkIds),
      deps.roster.listMany(networkIds),
      Promise.all(networkIds.map((id) => deps.followUps.listOpen(id))),
    ]);
    const mine: FollowUp[] = open.flat().filter((followUp) => {
      const me = memberships.find((m) => m.networkId === followUp.networkId);
      return mayChangeFollowUp(
        followUp,
        {
          userId: me?.userId ?? userId,
          ...(actor ? { aadObjectId: actor.aadObjectId } : {}),
          ...(me?.organisation ? { organisation: me.organisation } : {}),
        },
        false,
      );
    });
    const networks = new Map(networkList.map((network) => [network.networkId, network]));
    if (mine.length === 0) {
      await context.sendActivity(t('followUps.noneMine'));
      return;
    }
    mine.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    const shown = mine.slice(0, CARDS_MAX);
    const meetings = await deps.meetings.getMany([...new Set(shown.map((f) => f.meetingId))]);
    await context.sendActivity(`**${t('followUps.titleMine')}** (${mine.length})`);
    for (const followUp of shown) {
      const network = networks.get(followUp.networkId);
      const meeting = meetings.get(followUp.meetingId);
      await context.sendActivity(
        cardActivity(
          renderFollowUpCard({
            language,
            timeZone: network?.settings.timeZone ?? 'Europe/Stockholm',
            followUp,
            ...(meeting ? { meeting } : {}),
            roster: rosters.get(followUp.networkId) ?? [],
            // Which network it is of, since the personal chat mixes them.
            ...(network ? { lead: t('followUps.network', { network: network.settings.name }) } : {}),
          }),
        ),
      );
    }
  };
}
