import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandInput } from '../../bot/command-router';
import { renderDecisionCard } from '../../cards/decision-card';
import { meetingTextCommand } from './meeting-text-command';
import { parseRichText } from '../../domain/rich-text';
import { oncePerActivity } from './once-per-activity';

/**
 * `beslut [punkt N] text` / `decision [item N] text` by a chair or the secretary, during the meeting. Without an
 * item it goes to the current item. The same command activity delivered twice records once.
 */
export function createRecordDecision(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'decisions' | 'commandMarkers' | 'clock'>,
) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const command = await meetingTextCommand(context, deps, input, {
      empty: 'decision.empty',
      tooLong: 'decision.tooLong',
    });
    if (!command) return;
    const { network, meeting, item, subItem, text } = command;
    const now = deps.clock().toISOString();
    const recorded = await oncePerActivity(context, deps, meeting.meetingId, () =>
      deps.decisions.record({
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        ...(item !== undefined ? { item } : {}),
        ...(subItem ? { subItem } : {}),
        text,
        body: parseRichText(text),
        previous: [],
        status: 'active',
        createdBy: actorOf(context)?.aadObjectId ?? '',
        createdAt: now,
        updatedAt: now,
      }),
    );
    // A redelivery of the same message: the first delivery has answered already.
    if (!recorded) return;
    await context.sendActivity(
      cardActivity(
        renderDecisionCard({
          language: network.settings.language,
          meeting,
          decision: recorded.decision,
          etag: recorded.etag,
        }),
      ),
    );
  };
}
