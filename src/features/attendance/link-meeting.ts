import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { networkIdForConversation } from '../../domain/conversation';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { saveLink } from './linked-meeting';
import { matchMeetingChat } from './match-meeting-chat';

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
    const match = await matchMeetingChat(context, deps);
    if (!match) {
      await context.sendActivity(t('link.noMatch'));
      return;
    }
    const { meeting, network } = match;
    const tn = createTranslator(network.settings.language);
    if (!canManageRoster(network, actorOf(context)?.aadObjectId)) {
      await context.sendActivity(tn('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') }));
      return;
    }
    await saveLink(context, deps, meeting);
    await context.sendActivity(tn('link.done', { title: meeting.title, network: network.settings.name }));
  };
}
