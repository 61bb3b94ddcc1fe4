import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandInput } from '../../bot/command-router';
import { renderDecisionCard } from '../../cards/decision-card';
import { parseItemAndText } from '../../domain/decision';
import { meetingInProgress } from '../attendance/meeting-in-progress';
import { oncePerActivity } from './once-per-activity';

/**
 * `beslut [punkt N] text` / `decision [item N] text` by a chair or the secretary, during the meeting. Without an
 * item it goes to the current item. The same command activity delivered twice records once.
 */
export function createRecordDecision(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'decisions' | 'commandMarkers' | 'clock'>,
) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const access = await meetingInProgress(context, deps, { needsRole: true });
    if ('refusal' in access) {
      await context.sendActivity(access.refusal);
      return;
    }
    const { network, meeting, t } = access;
    if (meeting.status !== 'started') {
      await context.sendActivity(t('meeting.notStarted', { title: meeting.title }));
      return;
    }
    const parsed = parseItemAndText(input.args, meeting.items.length);
    if ('problem' in parsed) {
      const key =
        parsed.problem === 'badItem'
          ? 'decision.badItem'
          : parsed.problem === 'tooLong'
            ? 'decision.tooLong'
            : 'decision.empty';
      await context.sendActivity(t(key, { count: meeting.items.length }));
      return;
    }
    const actor = actorOf(context);
    const now = deps.clock().toISOString();
    const item = parsed.item ?? meeting.currentItem;
    const recorded = await oncePerActivity(context, deps, meeting.meetingId, () =>
      deps.decisions.record({
        meetingId: meeting.meetingId,
        networkId: network.networkId,
        ...(item !== undefined ? { item } : {}),
        text: parsed.text,
        previous: [],
        status: 'active',
        createdBy: actor?.aadObjectId ?? '',
        createdAt: now,
        updatedAt: now,
      }),
    );
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
