import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render-template';

/**
 * Answers an Action.Execute with a card for the person who pressed only. teams-ai would otherwise see the card's
 * `refresh` and replace the message for everyone, pushing one member's answer, or a chair's tally, to all.
 * teams-ai sends nothing more once an invoke response is set.
 */
export async function replyToInvokerOnly(
  context: TurnContext,
  result: AdaptiveCardJson | string,
): Promise<AdaptiveCardJson | string> {
  const body =
    typeof result === 'string'
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result }
      : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  return result;
}
