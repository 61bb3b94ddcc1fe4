import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import {
  personDataRefSchema,
  renderPersonDataCard,
  type PersonDataMode,
  type PersonDataView,
} from '../../cards/person-data-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { networkIdForConversation } from '../../domain/conversation';
import { createTranslator } from '../../i18n/translator';
import { ERASED_NAME } from '../../storage/person-data';
import { networkForChair } from '../meetings/network-for-chair';
import { personOfRef } from './person-in-network';

/**
 * The buttons of the personal data card. Each press is checked again: the card must be this chat's network's, the
 * one pressing one of its chairs (stored roles), and the person someone on its roster. The answer to an
 * Action.Execute replaces the card only for the one who pressed, so counts and the export link reach that chair
 * alone; an erasure also turns the chat's card into one without the name, for everyone.
 */
export function createPersonDataAction(
  deps: Pick<BotDeps, 'networks' | 'roster' | 'personData' | 'downloads' | 'clock' | 'logger'>,
  mode: PersonDataMode,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const ref = personDataRefSchema.safeParse(data);
    const networkId = networkIdForConversation(context.activity.conversation.id);
    if (!ref.success || ref.data.networkId !== networkId) return t('card.stale');
    const found = await networkForChair(context, deps, t, 'personData.chairsOnly');
    if ('refusal' in found) return found.refusal;
    const { network, actor } = found;
    const person = await personOfRef(deps, ref.data);
    if (!person) return t('personData.gone');
    const { key, name } = person;
    const card = (view: PersonDataView, shown = name) =>
      renderPersonDataCard({
        ...view,
        language: network.settings.language,
        ref: ref.data,
        network: network.settings.name,
        name: shown,
      });
    const opened = async (notice?: string): Promise<AdaptiveCardJson | string> => {
      const stored = await deps.personData.exportData(key, networkId);
      const all = Object.values(stored).flat();
      const about = (kind: string) =>
        all.filter((doc) => doc.kind === kind && doc.found.includes('about')).length;
      // Someone known by name whom no record holds any more: nothing to show.
      if ('name' in key && !all.some((doc) => doc.found.includes('about'))) return t('personData.gone');
      const counts = {
        memberships: about('member'),
        answers: about('rsvp'),
        attendance: about('attendance'),
        followUps: about('followUp'),
        others: all.filter((doc) => !doc.found.includes('about')).length,
      };
      const exportUrl = deps.downloads.urlFor(
        { kind: 'personData', networkId, ...person.claim },
        deps.clock(),
      );
      return card({ view: 'open', counts, exportUrl, ...(notice ? { notice } : {}) });
    };

    if (mode === 'open') return opened();
    if (mode === 'askErase') return card({ view: 'confirm' });
    const result = await deps.personData.erase(key, networkId);
    if (!result.erased) return opened(t('personData.holdsRole', { name }));
    deps.roster.markersChanged(networkId);
    deps.logger.info(
      {
        networkId,
        by: actor.aadObjectId,
        deleted: result.deleted,
        pseudonymised: result.pseudonymised,
        openFollowUps: result.openFollowUps.length,
      },
      'personal data erased',
    );
    const { deleted, pseudonymised, openFollowUps } = result;
    // The chat's card, for everyone, says what was done; the chair's own answer also lists the tasks to give on.
    const erased = card(
      { view: 'erased', deleted, pseudonymised, by: actor.name, openFollowUps: [] },
      ERASED_NAME,
    );
    const forChair = card(
      { view: 'erased', deleted, pseudonymised, by: actor.name, openFollowUps },
      ERASED_NAME,
    );
    if (context.activity.replyToId) {
      try {
        await context.updateActivity({ ...cardActivity(erased), id: context.activity.replyToId });
      } catch (error) {
        // The data is gone either way; the chat's card keeps the name until someone deletes the message.
        deps.logger.warn({ err: error, networkId }, 'personal data card not updated');
      }
    }
    return forChair;
  };
}
