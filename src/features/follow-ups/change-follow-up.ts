import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { turnLanguage } from '../../bot/turn-language';
import {
  followUpDoneSchema,
  followUpPostponeSchema,
  followUpReassignSchema,
  ownerText,
  renderFollowUpCard,
} from '../../cards/follow-up-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import {
  DUE_YEARS_MAX,
  isDueTooFar,
  mayChangeFollowUp,
  type FollowUp,
  type FollowUpOwner,
  memberOwner,
} from '../../domain/follow-up';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { scheduleReminders } from '../../domain/reminders/follow-up-reminders';
import { reminderPolicyOf } from '../../domain/reminders/reminder-policy';
import { updateLatest } from '../../storage/versioned-store';
import type { RosterMember } from '../../domain/roster';
import { todayIn, isoDate } from '../../domain/when/local-date';
import { createTranslator } from '../../i18n/translator';

export type FollowUpChangeMode = 'done' | 'postpone' | 'reassign';

/** A new owner makes a task of an erased person an ordinary one again (reminded, holding its meeting). */
const withoutErasedOwner = ({ ownerErasedAt: _erased, ...followUp }: FollowUp): FollowUp => followUp;

interface ChangeRequest {
  networkId: string;
  followUpId: string;
  revision: number;
  due?: string;
  owner?: string;
}

/** Each verb's data, strictly: anything more means an altered card. */
function readChange(mode: FollowUpChangeMode, data: unknown): ChangeRequest | undefined {
  const parsed =
    mode === 'done'
      ? followUpDoneSchema.safeParse(data)
      : mode === 'postpone'
        ? followUpPostponeSchema.safeParse(data)
        : followUpReassignSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

function newOwner(choice: string, roster: RosterMember[]): FollowUpOwner | undefined {
  const [kind, ...rest] = choice.split(':');
  const value = rest.join(':');
  if (kind === 'org') {
    const name = roster.find((m) => m.status === 'member' && m.organisation === value)?.organisation;
    return name ? { kind: 'organisation', name } : undefined;
  }
  const member = roster.find((m) => m.status === 'member' && !m.guest && m.userId === value);
  return member ? memberOwner(member) : undefined;
}

/**
 * Done, a new date, or a new owner, from the follow-up's card: by its owner (or a member of the owning
 * organisation), a chair or the secretary. The card's ETag must still be current; otherwise nothing is written and
 * the fresh card comes back. The result replaces the card for everyone; a new owner is @mentioned.
 */
export function createChangeFollowUp(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'roster' | 'followUps' | 'clock'>,
  mode: FollowUpChangeMode,
) {
  return async (context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> => {
    const change = readChange(mode, data);
    const found = change
      ? await Promise.all([
          deps.networks.get(change.networkId),
          deps.followUps.get(change.networkId, change.followUpId),
        ])
      : undefined;
    const network = found?.[0]?.network;
    const current = found?.[1];
    // Wherever the card is (network chat, meeting chat, a reminder in personal chat), the rights are the network's.
    if (!change || !network || !current)
      return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    const { language, timeZone } = network.settings;
    const t = createTranslator(language);
    const roster = await deps.roster.list(network.networkId);
    const actor = actorOf(context);
    const userId = context.activity.from.id;
    const me = roster.find((m) => m.userId === userId);
    const isKeeper = canManageRoster(network, actor?.aadObjectId);
    if (
      !mayChangeFollowUp(
        current.followUp,
        {
          userId,
          ...(actor ? { aadObjectId: actor.aadObjectId } : {}),
          ...(me?.organisation ? { organisation: me.organisation } : {}),
        },
        isKeeper,
      )
    ) {
      return t('followUp.ownerOnly', {
        owner: ownerText(current.followUp.owner),
        names: rosterKeepers(network).join(', '),
      });
    }
    const meeting = (await deps.meetings.get(network.networkId, current.followUp.meetingId))?.meeting;
    const card = (followUp: FollowUp, notice?: string) =>
      renderFollowUpCard({
        language,
        timeZone,
        followUp,
        roster,
        ...(meeting ? { meeting } : {}),
        ...(notice ? { notice } : {}),
      });
    const stale = (followUp: FollowUp): boolean =>
      (followUp.revision ?? 0) !== change.revision || followUp.status === 'done';
    if (stale(current.followUp)) return card(current.followUp, t('followUp.conflict'));

    const nowDate = deps.clock();
    const now = nowDate.toISOString();
    if (change.due !== undefined && change.due < isoDate(todayIn(timeZone, nowDate).date))
      return card(current.followUp, t('followUp.duePast'));
    if (change.due !== undefined && isDueTooFar(change.due, todayIn(timeZone, nowDate).date))
      return card(current.followUp, t('followUp.dueTooFar', { years: DUE_YEARS_MAX }));
    const owner = change.owner !== undefined ? newOwner(change.owner, roster) : undefined;
    if (change.owner !== undefined && !owner) return card(current.followUp, t('followUp.unknownOwner'));
    const by = actor?.aadObjectId ?? userId;
    const apply = (followUp: FollowUp): FollowUp => {
      const changed: FollowUp =
        change.due !== undefined
          ? {
              ...followUp,
              due: change.due,
              changes: [
                ...followUp.changes,
                { kind: 'postponed', at: now, by, ...(followUp.due ? { from: followUp.due } : {}) },
              ],
            }
          : owner
            ? {
                ...withoutErasedOwner(followUp),
                owner,
                changes: [
                  ...followUp.changes,
                  { kind: 'reassigned', at: now, by, from: ownerText(followUp.owner) },
                ],
              }
            : { ...followUp, status: 'done', changes: [...followUp.changes, { kind: 'done', at: now, by }] };
      // Done stops the reminders, a new date moves them; a new owner keeps the same schedule.
      return scheduleReminders(
        { ...changed, revision: (followUp.revision ?? 0) + 1, updatedAt: now },
        reminderPolicyOf(network.settings),
        timeZone,
        nowDate,
      );
    };
    let outdated: FollowUp | undefined;
    // The scheduler writes reminder state on the same document: its writes are retried over, a person's are not.
    const saved = await updateLatest(
      deps.followUps.versioned(network.networkId, current.followUp.followUpId),
      (latest) => {
        if (!stale(latest)) return apply(latest);
        outdated = latest;
        return undefined;
      },
    );
    if (!saved) return t('card.stale');
    if (outdated) return card(outdated, t('followUp.conflict'));
    const updated = card(saved.value);
    if (context.activity.replyToId)
      await context.updateActivity({ ...cardActivity(updated), id: context.activity.replyToId });
    if (mode === 'reassign' && saved.value.owner.kind === 'member') {
      const { name, userId: ownerId } = saved.value.owner;
      await context.sendActivity({
        type: 'message',
        text: t('followUp.reassigned', { owner: `<at>${name}</at>`, text: saved.value.text }),
        entities: [{ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: ownerId, name } }],
      });
    }
    return updated;
  };
}
