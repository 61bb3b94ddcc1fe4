import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandInput } from '../../bot/command-router';
import { turnLanguage } from '../../bot/turn-language';
import { renderPersonDataCard, type PersonDataRef } from '../../cards/person-data-card';
import { sameName } from '../../domain/names';
import { createTranslator } from '../../i18n/translator';
import { ERASED_NAME } from '../../storage/person-data';
import { networkForChair } from '../meetings/network-for-chair';
import { personInNetwork } from './person-in-network';

/**
 * `personuppgifter @person` / `personal data @person`, by a chair in the network's chat: a closed card naming the
 * person. Opening it (chairs only) shows its content to the one who opened it and no one else.
 */
export function createShowPersonData(deps: Pick<BotDeps, 'networks' | 'roster' | 'personData'>) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const found = await networkForChair(context, deps, t, 'personData.chairsOnly');
    if ('refusal' in found) {
      await context.sendActivity(found.refusal);
      return;
    }
    const { network } = found;
    const person = personInNetwork(await deps.roster.everyone(network.networkId), input);
    const show = async (ref: PersonDataRef, name: string) =>
      context.sendActivity(
        cardActivity(
          renderPersonDataCard({
            view: 'closed',
            language: network.settings.language,
            ref,
            network: network.settings.name,
            name,
          }),
        ),
      );
    if (!('problem' in person)) {
      await show({ networkId: network.networkId, userId: person.member.userId }, person.member.name);
      return;
    }
    // Not on the member list, but the records hold the name without anyone's ids (imported minutes, a task owner
    // without a Teams account): their data too is the chair's to answer for.
    // "Borttagen person" is what erasures leave, no one's name.
    const stored =
      person.problem === 'notFound' && !input.mentions.length && !sameName(person.name, ERASED_NAME)
        ? await heldByName(deps, network.networkId, person.name)
        : undefined;
    if (stored) {
      await show({ networkId: network.networkId, name: stored }, stored);
      return;
    }
    await context.sendActivity(t(`personData.${person.problem}`, { name: person.name }));
  };
}

/** The name as the network's records hold it as someone's own (not only in typed text), if they do. */
async function heldByName(
  deps: Pick<BotDeps, 'personData'>,
  networkId: string,
  typed: string,
): Promise<string | undefined> {
  const stored = await deps.personData.exportData({ name: typed.trim() }, networkId);
  for (const { found, document } of Object.values(stored).flat()) {
    if (!found.includes('about')) continue;
    const name = (document.owner as { name?: unknown } | undefined)?.name ?? document.name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}
