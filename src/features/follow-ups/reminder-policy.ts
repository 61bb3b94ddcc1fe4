import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import { invalidFieldNames, typedValues } from '../../cards/form-input';
import type { AdaptiveCardJson } from '../../cards/render-template';
import {
  REMINDER_POLICY_FIELDS,
  reminderPolicyRefSchema,
  reminderPolicySchema,
  renderReminderPolicyCard,
} from '../../cards/reminder-policy-card';
import { networkIdForConversation } from '../../domain/conversation';
import { reminderPolicyOf } from '../../domain/reminders/reminder-policy';
import { createTranslator } from '../../i18n/translator';
import { updateLatest } from '../../storage/versioned-store';
import { networkForChair } from '../meetings/network-for-chair';
import { rescheduleReminders } from './reschedule-reminders';

/** `påminnelser` / `reminders`: the network's reminder policy as a form, for its chairs. */
export function createShowReminderPolicy(deps: Pick<BotDeps, 'networks'>) {
  return async (context: TurnContext): Promise<void> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const found = await networkForChair(context, deps, t, 'reminders.chairsOnly');
    if ('refusal' in found) {
      await context.sendActivity(found.refusal);
      return;
    }
    const { network } = found;
    await context.sendActivity(
      cardActivity(
        renderReminderPolicyCard({
          language: network.settings.language,
          networkId: network.networkId,
          policy: reminderPolicyOf(network.settings),
        }),
      ),
    );
  };
}

/**
 * Saves the policy from the form: the card must belong to this conversation's network and the person be a chair
 * (stored roles, never the card). Open follow-ups' next reminders are worked out again at once.
 */
export function createSaveReminderPolicy(deps: Pick<BotDeps, 'networks' | 'followUps' | 'clock'>) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    const ref = reminderPolicyRefSchema.safeParse(data);
    const networkId = networkIdForConversation(context.activity.conversation.id);
    if (!ref.success || ref.data.networkId !== networkId) return t('card.stale');
    const found = await networkForChair(context, deps, t, 'reminders.chairsOnly');
    if ('refusal' in found) return found.refusal;
    const { network, actor } = found;
    const language = network.settings.language;
    const parsed = reminderPolicySchema.safeParse(data);
    if (!parsed.success) {
      const fields = invalidFieldNames(parsed.error, REMINDER_POLICY_FIELDS, language);
      if (fields === undefined) return t('card.stale');
      return renderReminderPolicyCard({
        language,
        networkId,
        policy: reminderPolicyOf(network.settings),
        values: typedValues(data),
        notice: createTranslator(language)('reminders.invalid', { fields }),
        error: true,
      });
    }
    const { daysBefore, onDueDay, overdueEveryDays, from, until } = parsed.data;
    const policy = { daysBefore, onDueDay, overdueEveryDays, from, until };
    // Settings are edited by chairs rarely; a concurrent edit of something else is kept, not overwritten.
    const saved = await updateLatest(deps.networks.versioned(networkId), (current) => ({
      ...current,
      settings: { ...current.settings, reminders: policy },
      updatedAt: deps.clock().toISOString(),
    }));
    if (!saved) return t('card.stale');
    await rescheduleReminders(deps, saved.value);
    return renderReminderPolicyCard({
      language,
      networkId,
      policy,
      notice: createTranslator(language)('reminders.saved', { name: actor.name }),
    });
  };
}
