import { TeamsInfo, type TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { AppError } from '../../domain/app-error';
import { networkIdForConversation } from '../../domain/conversation';
import { hasStatus } from '../../storage/cosmos-errors';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { meetingForJoinUrl, saveLink } from './linked-meeting';

/** `koppla` / `link` in a Teams meeting's chat: finds the planned meeting by the join link the meeting info API gives. */
export function createLinkMeeting(deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>) {
  return async (context: TurnContext): Promise<void> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const { conversation } = context.activity;
    if (
      conversation.conversationType === 'personal' ||
      (await deps.networks.get(networkIdForConversation(conversation.id)))
    ) {
      await context.sendActivity(t('link.notMeetingChat'));
      return;
    }
    let joinUrl: string | undefined;
    try {
      joinUrl = (await TeamsInfo.getMeetingInfo(context)).details?.joinUrl;
    } catch (error) {
      // 404: this chat is not a meeting Teams knows; anything else is Teams failing.
      if (!hasStatus(error, 404))
        throw new AppError('TeamsUnavailable', 'meeting info API failed', { cause: error });
    }
    const meeting = joinUrl ? await meetingForJoinUrl(deps, joinUrl) : undefined;
    const network = meeting ? (await deps.networks.get(meeting.networkId))?.network : undefined;
    if (!meeting || !network) {
      await context.sendActivity(t('link.noMatch'));
      return;
    }
    const tn = createTranslator(network.settings.language);
    if (!canManageRoster(network, actorOf(context)?.aadObjectId)) {
      await context.sendActivity(tn('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') }));
      return;
    }
    await saveLink(context, deps, meeting);
    await context.sendActivity(tn('link.done', { title: meeting.title, network: network.settings.name }));
  };
}
