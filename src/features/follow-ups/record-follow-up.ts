import { randomUUID } from 'node:crypto';
import { scheduleReminders } from '../../domain/reminders/follow-up-reminders';
import { reminderPolicyOf } from '../../domain/reminders/reminder-policy';
import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandInput } from '../../bot/command-router';
import { renderFollowUpCard } from '../../cards/follow-up-card';
import { subItemsOf } from '../../domain/decision';
import { DUE_YEARS_MAX, parseFollowUp, type FollowUpOwner } from '../../domain/follow-up';
import { isoDate } from '../../domain/when/local-date';
import { formatDay, whenProblemText } from '../../i18n/format-when';
import { runningMeeting } from '../decisions/running-meeting';
import { oncePerActivity } from '../decisions/once-per-activity';
import { ownerCandidates } from './owner-candidates';

/**
 * `uppgift @person text senast datum` / `action @person text by date`: a follow-up for a mentioned user, a roster
 * name or an organisation, on the named or current item. The owner is told by a card that @mentions them; the
 * same command activity delivered twice records once.
 */
export function createRecordFollowUp(
  deps: Pick<
    BotDeps,
    'networks' | 'meetings' | 'meetingLinks' | 'roster' | 'followUps' | 'commandMarkers' | 'clock'
  >,
) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const access = await runningMeeting(context, deps, input);
    if (!access) return;
    const { network, meeting, t, running } = access;
    const { language, timeZone } = network.settings;
    const roster = await deps.roster.list(network.networkId);
    const mention = input.mentions[0];
    const member = mention ? roster.find((m) => m.userId === mention.userId) : undefined;
    const mentioned: FollowUpOwner | undefined = mention && {
      kind: 'member',
      name: member?.name ?? mention.name,
      userId: mention.userId,
      ...(member?.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
      ...(member?.organisation ? { organisation: member.organisation } : {}),
    };
    const parsed = parseFollowUp(input.args, {
      itemCount: meeting.items.length,
      subItemsOf: subItemsOf(meeting.items),
      ...(mentioned ? { mentioned } : {}),
      candidates: ownerCandidates(roster),
      // Written up after the meeting, "senast 30 maj" is read from the meeting's day, as it was said there; a
      // deadline that has passed since is stored as overdue and reminded as such.
      now: running ? deps.clock() : new Date(meeting.startsAt),
      zone: timeZone,
    });
    if ('problem' in parsed) {
      const answer =
        parsed.problem === 'badDate'
          ? `${t('followUp.badDate')} ${whenProblemText(parsed.when, parsed.dateText, language, t)}`
          : parsed.problem === 'badItem'
            ? t('followUp.badItem', { count: meeting.items.length })
            : parsed.problem === 'tooFar'
              ? t('followUp.tooFar', { date: formatDay(parsed.due, language), years: DUE_YEARS_MAX })
              : t(`followUp.${parsed.problem}`);
      await context.sendActivity(answer);
      return;
    }
    const item = parsed.item ?? meeting.currentItem;
    const nowDate = deps.clock();
    const now = nowDate.toISOString();
    const saved = await oncePerActivity(context, deps, meeting.meetingId, () =>
      deps.followUps.create(
        scheduleReminders(
          {
            networkId: network.networkId,
            followUpId: randomUUID(),
            meetingId: meeting.meetingId,
            ...(item !== undefined ? { item } : {}),
            ...(parsed.item !== undefined && parsed.subItem ? { subItem: parsed.subItem } : {}),
            owner: parsed.owner,
            text: parsed.text,
            ...(parsed.due ? { due: isoDate(parsed.due) } : {}),
            status: 'open',
            changes: [],
            revision: 0,
            createdBy: actorOf(context)?.aadObjectId ?? '',
            createdAt: now,
            updatedAt: now,
          },
          reminderPolicyOf(network.settings),
          timeZone,
          nowDate,
        ),
      ),
    );
    // A redelivery of the same message: the first delivery has answered already.
    if (!saved) return;
    await context.sendActivity(
      cardActivity(
        renderFollowUpCard({
          language,
          timeZone,
          followUp: saved.followUp,
          meeting,
          roster,
        }),
      ),
    );
  };
}
