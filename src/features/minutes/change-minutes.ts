import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import { minutesApproveSchema, minutesLinksSchema } from '../../cards/minutes-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isAppError } from '../../domain/app-error';
import { networkIdForConversation } from '../../domain/conversation';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { markMinutesApproved } from './mark-minutes-approved';
import { minutesCardFor } from './minutes-card-for';

/**
 * From the minutes card: the full minutes with fresh download links (for chairs and the secretary while a draft;
 * for anyone in the network's chat once approved), or approval of a draft, which posts the approved minutes in the
 * network's chat. The full card goes to the person who pressed only.
 */
export function createChangeMinutes(
  deps: Pick<
    BotDeps,
    'networks' | 'meetings' | 'meetingLinks' | 'minutes' | 'downloads' | 'clock' | 'logger'
  >,
  mode: 'open' | 'links' | 'approve',
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const parsed =
      mode === 'approve' ? minutesApproveSchema.safeParse(data) : minutesLinksSchema.safeParse(data);
    const stale = async () => createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    if (!parsed.success) return stale();
    const { networkId, meetingId, version } = parsed.data;
    const conversationId = context.activity.conversation.id;
    const here =
      networkIdForConversation(conversationId) === networkId ||
      (await deps.meetingLinks.get(conversationId))?.meetingId === meetingId;
    const [found, current] = await Promise.all([
      deps.networks.get(networkId),
      deps.minutes.get(meetingId, version),
    ]);
    if (!here || !found || !current || current.minutes.networkId !== networkId) return stale();
    const network = found.network;
    const t = createTranslator(network.settings.language);
    const actor = actorOf(context);
    const keeper = canManageRoster(network, actor?.aadObjectId);
    if (!keeper && (mode === 'approve' || current.minutes.status === 'draft'))
      return t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') });

    if (mode === 'open') return minutesCardFor(deps, network, current, 'full');
    if (mode === 'links')
      return minutesCardFor(deps, network, current, 'full', { text: t('minutes.linksFresh'), good: true });
    if (current.minutes.status === 'approved')
      return minutesCardFor(deps, network, current, 'full', {
        text: t('minutes.alreadyApproved'),
        good: false,
      });
    if ('etag' in parsed.data && parsed.data.etag !== current.etag)
      return minutesCardFor(deps, network, current, 'full', { text: t('minutes.conflict'), good: false });
    const now = deps.clock().toISOString();
    let approved;
    try {
      approved = await deps.minutes.replace(
        {
          ...current.minutes,
          status: 'approved',
          approvedBy: actor?.aadObjectId ?? '',
          approvedAt: now,
          updatedAt: now,
        },
        current.etag,
      );
    } catch (error) {
      if (!isAppError(error) || error.code !== 'Conflict') throw error;
      const latest = await deps.minutes.get(meetingId, version);
      return latest
        ? minutesCardFor(deps, network, latest, 'full', { text: t('minutes.conflict'), good: false })
        : stale();
    }
    await markMinutesApproved(deps, networkId, meetingId, now);
    // The draft's message in the chat now says it is approved; the minutes themselves are posted for everyone.
    if (context.activity.replyToId)
      await context.updateActivity({
        ...cardActivity(minutesCardFor(deps, network, approved, 'summary')),
        id: context.activity.replyToId,
      });
    if (networkIdForConversation(conversationId) === networkId)
      await context.sendActivity(cardActivity(minutesCardFor(deps, network, approved, 'full')));
    return minutesCardFor(deps, network, approved, 'full', { text: t('minutes.approved'), good: true });
  };
}
