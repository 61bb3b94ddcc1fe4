import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { createTranslator } from '../../i18n/translator';
import { saveLink } from './linked-meeting';
import { matchMeetingChat } from './match-meeting-chat';

/**
 * When the bot is added to a Teams meeting's chat, the meeting info API tells its join link; if a planned meeting
 * has that link, the chat is linked to it at once and says so. True when it did. A failure of Teams here is logged
 * and the ordinary welcome follows: `koppla` can still link the chat later.
 */
export function createLinkOnInstall(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock' | 'logger'>,
) {
  return async (context: TurnContext): Promise<boolean> => {
    const teamsMeetingId = (context.activity.channelData as { meeting?: { id?: string } } | undefined)
      ?.meeting?.id;
    if (!teamsMeetingId || context.activity.conversation.conversationType === 'personal') return false;
    let match;
    try {
      match = await matchMeetingChat(context, deps);
    } catch (error) {
      deps.logger.warn({ err: error, teamsMeetingId }, 'meeting info unavailable on install');
      return false;
    }
    if (!match) return false;
    await saveLink(context, deps, match.meeting);
    const t = createTranslator(match.network.settings.language);
    await context.sendActivity(
      t('link.done', { title: match.meeting.title, network: match.network.settings.name }),
    );
    return true;
  };
}
