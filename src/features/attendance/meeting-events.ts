import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { renderCheckInCard } from '../../cards/check-in-card';
import { isAppError } from '../../domain/app-error';
import { ended, started } from '../../domain/meeting';
import { createTranslator } from '../../i18n/translator';
import { offerMinutes } from '../minutes/offer-minutes';
import { endedSummary } from './attendance-summary';
import { joinerCards } from './confirm-joiner';
import { linkedMeeting } from './linked-meeting';
import { recordPresence } from './record-presence';

/**
 * Teams sends these names in the singular; teams-ai 1.7's `meetings.participantsJoin` listens for the plural and
 * never fires, so they are routed here by name.
 */
export const MEETING_EVENTS = {
  start: 'application/vnd.microsoft.meetingStart',
  end: 'application/vnd.microsoft.meetingEnd',
  join: 'application/vnd.microsoft.meetingParticipantJoin',
  leave: 'application/vnd.microsoft.meetingParticipantLeave',
} as const;

const meetingStartSchema = z.object({ JoinUrl: z.string().url() }).passthrough();
const participantsSchema = z.object({
  members: z
    .array(
      z
        .object({
          user: z
            .object({
              id: z.string().min(1),
              name: z.string().optional(),
              aadObjectId: z.string().optional(),
            })
            .passthrough(),
        })
        .passthrough(),
    )
    .max(1000),
});

const isEvent = (name: string) => (context: TurnContext) =>
  Promise.resolve(context.activity.type === 'event' && context.activity.name === name);

export function registerMeetingEvents(app: Application, deps: BotDeps): void {
  const { logger } = deps;

  // The Teams meeting started: link it by its join URL if needed, start the planned meeting, open check-in here.
  app.activity(isEvent(MEETING_EVENTS.start), async (context) => {
    const value = meetingStartSchema.safeParse(context.activity.value);
    const linked = await linkedMeeting(context, deps, value.success ? value.data.JoinUrl : undefined);
    if (!linked) {
      logger.info(
        { conversationId: context.activity.conversation.id },
        'meeting started in a chat not linked to a planned meeting',
      );
      return;
    }
    if (linked.meeting.status !== 'planned') return;
    try {
      const saved = await deps.meetings.replace(started(linked.meeting, deps.clock()), linked.etag);
      await context.sendActivity(
        cardActivity(
          renderCheckInCard({
            language: linked.network.settings.language,
            networkId: linked.network.networkId,
            meeting: saved.meeting,
          }),
        ),
      );
    } catch (error) {
      // Started by a chair's command at the same moment: that turn posts the check-in card.
      if (!isAppError(error) || error.code !== 'Conflict') throw error;
    }
  });

  app.activity(isEvent(MEETING_EVENTS.end), async (context) => {
    const linked = await linkedMeeting(context, deps);
    if (!linked || linked.meeting.status !== 'started') return;
    let closed;
    try {
      closed = await deps.meetings.replace(ended(linked.meeting, deps.clock()), linked.etag);
    } catch (error) {
      if (isAppError(error) && error.code === 'Conflict') return;
      throw error;
    }
    const t = createTranslator(linked.network.settings.language);
    await context.sendActivity(await endedSummary(deps, linked.network, linked.meeting, t));
    for (const card of await joinerCards(deps, linked.network, linked.meeting))
      await context.sendActivity(cardActivity(card));
    await offerMinutes(context, deps, linked.network, closed.meeting);
  });

  const recordParticipants = (source: 'joinEvent' | 'leaveEvent') => async (context: TurnContext) => {
    const linked = await linkedMeeting(context, deps);
    const value = participantsSchema.safeParse(context.activity.value);
    if (!linked || !value.success) return;
    if (linked.meeting.status !== 'planned' && linked.meeting.status !== 'started') return;
    for (const { user } of value.data.members) {
      if (!user.aadObjectId) continue;
      await recordPresence(
        deps,
        linked.meeting,
        { aadObjectId: user.aadObjectId, userId: user.id, name: user.name ?? '' },
        source,
      );
    }
  };
  app.activity(isEvent(MEETING_EVENTS.join), recordParticipants('joinEvent'));
  app.activity(isEvent(MEETING_EVENTS.leave), recordParticipants('leaveEvent'));
}
