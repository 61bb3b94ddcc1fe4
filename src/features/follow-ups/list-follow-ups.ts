import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { formatDue, ownerText } from '../../cards/follow-up-card';
import { mayChangeFollowUp } from '../../domain/follow-up';
import { canManageRoster } from '../../domain/network';
import { isoDate, todayIn } from '../../domain/when/local-date';
import { createTranslator } from '../../i18n/translator';
import { linkedMeeting } from '../attendance/linked-meeting';
import { activeNetwork } from '../roster/active-network';
import { createMyFollowUps } from './my-follow-ups';

/**
 * `uppföljning` / `follow-ups`: open follow-ups, earliest deadline first; your own, or all of them for chairs. In the
 * personal chat: your own in every network.
 */
export function createListFollowUps(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'followUps' | 'clock'>,
) {
  const personal = createMyFollowUps(deps);
  return async (context: TurnContext): Promise<void> => {
    if (context.activity.conversation.conversationType === 'personal') return personal(context);
    const network = (await linkedMeeting(context, deps))?.network ?? (await activeNetwork(context, deps));
    if (!network) {
      await context.sendActivity(
        createTranslator(await turnLanguage(context, deps.networks))('meeting.networkNotSetUp'),
      );
      return;
    }
    const { language, timeZone } = network.settings;
    const t = createTranslator(language);
    const actor = actorOf(context);
    const userId = context.activity.from.id;
    const isKeeper = canManageRoster(network, actor?.aadObjectId);
    const [open, me] = await Promise.all([
      deps.followUps.listOpen(network.networkId),
      deps.roster.get(network.networkId, userId),
    ]);
    const shown = open.filter((followUp) =>
      mayChangeFollowUp(
        followUp,
        {
          userId,
          ...(actor ? { aadObjectId: actor.aadObjectId } : {}),
          ...(me?.organisation ? { organisation: me.organisation } : {}),
        },
        isKeeper,
      ),
    );
    if (shown.length === 0) {
      await context.sendActivity(t(isKeeper ? 'followUps.noneAll' : 'followUps.noneOwn'));
      return;
    }
    const today = isoDate(todayIn(timeZone, deps.clock()).date);
    const lines = shown.map((followUp) => {
      const due = followUp.due
        ? t(followUp.due < today ? 'followUps.overdue' : 'followUps.due', {
            date: formatDue(followUp.due, language),
          })
        : t('followUp.noDue');
      const item = followUp.item !== undefined ? t('followUps.item', { item: followUp.item }) : '';
      return `- **${ownerText(followUp.owner)}**: ${followUp.text} (${due}${item})`;
    });
    await context.sendActivity({
      type: 'message',
      textFormat: 'markdown',
      text: [`**${t(isKeeper ? 'followUps.titleAll' : 'followUps.titleOwn')}**`, '', ...lines].join('\n'),
    });
  };
}
