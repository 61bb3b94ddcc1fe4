import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandInput } from '../../bot/command-router';
import { turnLanguage } from '../../bot/turn-language';
import { canManageRoster, rosterKeepers } from '../../domain/network';
import { isoDate } from '../../domain/when/local-date';
import { createTranslator } from '../../i18n/translator';
import { linkedMeeting } from '../attendance/linked-meeting';
import { activeNetwork } from '../roster/active-network';
import { draftMinutes } from './draft-minutes';
import { minutesCardFor } from './minutes-card-for';

const FRESH = new Set(['ny', 'new']);

/** `protokoll [yyyy-mm-dd] [ny]` / `minutes [date]`: a draft of the latest (or that day's) meeting's minutes, for chairs and the secretary. */
export function createMakeMinutes(deps: BotDeps) {
  return async (context: TurnContext, input: CommandInput): Promise<void> => {
    const network = (await linkedMeeting(context, deps))?.network ?? (await activeNetwork(context, deps));
    if (!network) {
      await context.sendActivity(
        createTranslator(await turnLanguage(context, deps.networks))('meeting.networkNotSetUp'),
      );
      return;
    }
    const t = createTranslator(network.settings.language);
    const actor = actorOf(context);
    if (!actor || !canManageRoster(network, actor.aadObjectId)) {
      await context.sendActivity(t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') }));
      return;
    }
    const held = await deps.meetings.held(network.networkId);
    // "protokoll ny": a new version even when nothing changed since the approved one.
    const words = input.args.trim().split(/\s+/).filter(Boolean);
    const fresh = words.some((w) => FRESH.has(w.toLocaleLowerCase('sv')));
    const date =
      words.filter((w) => !FRESH.has(w.toLocaleLowerCase('sv'))).join(' ') || input.meetingDate || '';
    const meeting = date ? held.find((m) => isoDate(m.date) === date) : held[0];
    if (!meeting) {
      await context.sendActivity(date ? t('minutes.noMeetingOn', { date }) : t('minutes.noMeeting'));
      return;
    }
    const draft = await draftMinutes(deps, network, meeting, actor.aadObjectId, { fresh });
    // The chat sees that a draft exists; its text and files open for chairs and the secretary only.
    await context.sendActivity(cardActivity(minutesCardFor(deps, network, draft, 'summary')));
    if (draft.unchanged)
      await context.sendActivity(t('minutes.unchanged', { version: draft.minutes.version }));
  };
}
