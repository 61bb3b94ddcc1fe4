import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { networkIdForConversation } from '../../domain/conversation';
import { formatWhen } from '../../i18n/format-when';
import { createTranslator } from '../../i18n/translator';

/** `möten` / `meetings`: the network's upcoming meetings, soonest first, one line each. */
export function createListMeetings(deps: Pick<BotDeps, 'networks' | 'meetings' | 'clock'>) {
  return async (context: TurnContext): Promise<void> => {
    const language = await turnLanguage(context, deps.networks);
    const t = createTranslator(language);
    const found = await deps.networks.get(networkIdForConversation(context.activity.conversation.id));
    if (!found || found.network.status !== 'active') {
      await context.sendActivity(t('meeting.networkNotSetUp'));
      return;
    }
    const meetings = await deps.meetings.upcoming(found.network.networkId, deps.clock());
    if (meetings.length === 0) {
      await context.sendActivity(t('meetings.none'));
      return;
    }
    const lines = meetings.map(
      (m) =>
        `- ${formatWhen({ kind: 'day', date: m.date, start: m.start, end: m.end }, language, t)}: ${m.title}`,
    );
    await context.sendActivity({
      type: 'message',
      textFormat: 'markdown',
      text: [`**${t('meetings.title', { network: found.network.settings.name })}**`, '', ...lines].join('\n'),
    });
  };
}
