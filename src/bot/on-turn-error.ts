import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { isAppError } from '../domain/app-error';
import { telemetry } from '../telemetry';
import { errorText } from '../i18n/error-text';
import { createTranslator } from '../i18n/translator';
import type { BotDeps } from './bot-deps';
import { turnLanguage } from './turn-language';
import { wroteInTurn } from './turn-writes-middleware';

/**
 * The one turn error handler. It logs the full error with the turn's ids and tells the user, in their
 * language, only that it failed (or what was wrong with their input); never the error text or stack.
 */
export function createOnTurnError(deps: Pick<BotDeps, 'logger' | 'networks'>) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const { activity } = context;
    const fields = {
      err: error,
      conversationId: activity.conversation?.id,
      activityId: activity.id,
      activityType: activity.type,
      activityName: activity.name,
    };
    telemetry().turnErrors.add(1, { kind: isAppError(error) ? 'refused' : 'failed' });
    if (isAppError(error)) deps.logger.warn(fields, 'turn refused');
    else deps.logger.error(fields, 'turn failed');

    try {
      const t = createTranslator(await turnLanguage(context, deps.networks));
      // Stored, then something after it failed (Teams refusing the answer): saying nothing was done would be false.
      const text = !isAppError(error) && wroteInTurn(context) ? t('error.afterWrite') : errorText(error, t);
      if (activity.type === 'message') {
        await context.sendActivity(text);
      } else if (activity.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        // An invoke must get an answer or Teams shows its own generic failure and retries.
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
          },
        });
      }
    } catch (sendError) {
      deps.logger.error(
        { err: sendError, conversationId: activity.conversation?.id },
        'could not tell the user about the failure',
      );
    }
  };
}
