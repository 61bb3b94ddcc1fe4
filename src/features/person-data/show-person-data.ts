import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandInput } from '../../bot/command-router';
import { turnLanguage } from '../../bot/turn-language';
import { renderPersonDataCard } from '../../cards/person-data-card';
import { createTranslator } from '../../i18n/translator';
import { networkForChair } from '../meetings/network-for-chair';
import { personInNetwork } from './person-in-network';

/**
 * `personuppgifter @person` / `personal data @person`, by a chair in the network's chat: a closed card naming the
 * person. Opening it (chairs only) shows its content to the one who opened it and no one else.
 */
export function createShowPersonData(deps: Pick<BotDeps, 'networks' | 'roster'>) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const found = await networkForChair(context, deps, t, 'personData.chairsOnly');
    if ('refusal' in found) {
      await context.sendActivity(found.refusal);
      return;
    }
    const { network } = found;
    const person = personInNetwork(await deps.roster.everyone(network.networkId), input);
    if ('problem' in person) {
      await context.sendActivity(t(`personData.${person.problem}`, { name: person.name }));
      return;
    }
    await context.sendActivity(
      cardActivity(
        renderPersonDataCard({
          view: 'closed',
          language: network.settings.language,
          networkId: network.networkId,
          network: network.settings.name,
          userId: person.member.userId,
          name: person.member.name,
        }),
      ),
    );
  };
}
