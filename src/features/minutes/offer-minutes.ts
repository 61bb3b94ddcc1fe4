import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { draftMinutes } from './draft-minutes';
import { minutesCardFor } from './minutes-card-for';

/** When a meeting ends, the secretary is offered a first draft of the minutes right away. */
export async function offerMinutes(
  context: TurnContext,
  deps: BotDeps,
  network: Network,
  meeting: Meeting,
): Promise<void> {
  const draft = await draftMinutes(deps, network, meeting, context.activity.from?.aadObjectId ?? '');
  const t = createTranslator(network.settings.language);
  await context.sendActivity(
    cardActivity(minutesCardFor(deps, network, draft, 'summary', { text: t('minutes.offer'), good: true })),
  );
}
