import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import { invalidFieldNames, typedValues } from '../../cards/form-input';
import {
  SETUP_FIELDS,
  networkRefSchema,
  networkSetupSchema,
  renderNetworkSetupCard,
  renderNetworkSummaryCard,
  chosenLayout,
} from '../../cards/network-setup-card';
import { renderOrganisationAsk } from '../../cards/organisation-cards';
import type { AdaptiveCardJson } from '../../cards/render-template';
import { isAppError } from '../../domain/app-error';
import { networkIdForConversation } from '../../domain/conversation';
import { applySetup, canChangeSettings } from '../../domain/network';
import { createTranslator } from '../../i18n/translator';
import { rescheduleAgendas } from './reschedule-agendas';
import { reminderPolicyOf } from '../../domain/reminders/reminder-policy';
import { nextDigestAt } from '../../domain/reminders/reminder-schedule';
import { rescheduleReminders } from '../follow-ups/reschedule-reminders';

/**
 * Saves the setup form. Checks, in order: the card belongs to this conversation's network, the person may
 * change it (server-side roles), the form is valid, the people chosen are members; then writes with the ETag.
 * Every refusal writes nothing and answers in the user's language.
 */
export function createSaveSetup(
  deps: Pick<BotDeps, 'networks' | 'roster' | 'meetings' | 'followUps' | 'digests' | 'clock'>,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const language = await turnLanguage(context, deps.networks);
    const t = createTranslator(language);
    const { conversation } = context.activity;
    const networkId = networkIdForConversation(conversation.id);
    const ref = networkRefSchema.safeParse(data);
    if (!ref.success || ref.data.networkId !== networkId) return t('card.stale');
    const found = await deps.networks.get(networkId);
    if (!found) return t('card.stale');

    const actor = actorOf(context);
    if (!actor || !canChangeSettings(found.network, actor.aadObjectId)) {
      return t('network.setup.chairsOnly', {
        chairs: found.network.settings.chairs.map((c) => c.name).join(', '),
      });
    }
    const members = await deps.roster.list(networkId);
    const again = (error: string, network = found.network) =>
      renderNetworkSetupCard({ language, network, members, values: typedValues(data), error });

    const parsed = networkSetupSchema.safeParse(data);
    if (!parsed.success) {
      const fields = invalidFieldNames(parsed.error, SETUP_FIELDS, language);
      return fields === undefined ? t('card.stale') : again(t('network.setup.invalid', { fields }));
    }
    const {
      name,
      chairs,
      secretary,
      language: chosenLanguage,
      timeZone,
      agendaLeadDays,
      staffOrganisation,
      retentionMonths,
      secretaryTitle,
    } = parsed.data;
    const minutesLayout = chosenLayout(parsed.data);
    const next = applySetup(
      found.network,
      {
        name,
        chairIds: chairs,
        secretaryId: secretary,
        language: chosenLanguage,
        timeZone,
        agendaLeadDays,
        ...(staffOrganisation ? { staffOrganisation } : {}),
        ...(retentionMonths !== undefined ? { retentionMonths } : {}),
        ...(minutesLayout ? { minutesLayout } : {}),
        ...(secretaryTitle ? { secretaryTitle } : {}),
      },
      actor,
      members,
      deps.clock(),
    );
    if (!next) return again(t('network.setup.notMember'));

    try {
      await deps.networks.replace(next, found.etag);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'Conflict') throw error;
      const latest = await deps.networks.get(networkId);
      return renderNetworkSetupCard({
        language,
        network: latest?.network ?? found.network,
        members,
        error: t('network.setup.conflict'),
      });
    }

    if (found.network.settings.agendaLeadDays !== next.settings.agendaLeadDays)
      await rescheduleAgendas(deps, next);
    const policy = reminderPolicyOf(next.settings);
    await deps.digests.ensure(networkId, nextDigestAt(policy, next.settings.timeZone, deps.clock()));
    // Reminders go out on mornings in the network's zone.
    if (found.network.settings.timeZone !== next.settings.timeZone) await rescheduleReminders(deps, next);

    const summary = renderNetworkSummaryCard({
      language: next.settings.language,
      network: next,
      notice: createTranslator(next.settings.language)('network.summary.saved', { name: actor.name }),
    });
    // Everyone in the chat sees the saved settings, not only the person who pressed Save.
    if (context.activity.replyToId)
      await context.updateActivity({ ...cardActivity(summary), id: context.activity.replyToId });
    // Once the network exists, everyone is asked once which organisation they represent.
    if (found.network.status === 'pending') {
      await context.sendActivity(
        cardActivity(renderOrganisationAsk({ language: next.settings.language, network: next })),
      );
    }
    return summary;
  };
}
