import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import { renderCheckInCard } from '../../cards/check-in-card';
import { isAppError } from '../../domain/app-error';
import { started } from '../../domain/meeting';
import type { AgendaPublisher } from '../meetings/agenda-publisher';
import { meetingInProgress } from './meeting-in-progress';

/** `starta möte` / `start meeting`: the meeting is in progress, answers close, and the check-in card is posted. */
export function createStartMeeting(
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>,
  agenda: AgendaPublisher,
) {
  return async (context: TurnContext): Promise<void> => {
    const access = await meetingInProgress(context, deps, { needsRole: true });
    if (!access) return;
    const { network, meeting, etag, t } = access;
    if (meeting.status === 'started') {
      await context.sendActivity(t('meeting.alreadyStarted', { title: meeting.title }));
      return;
    }
    let saved;
    try {
      saved = await deps.meetings.replace(started(meeting, deps.clock()), etag);
    } catch (error) {
      // Someone else started it at the same moment: their check-in card is already on its way.
      if (isAppError(error) && error.code === 'Conflict') {
        await context.sendActivity(t('meeting.alreadyStarted', { title: meeting.title }));
        return;
      }
      throw error;
    }
    const agendaUpdated = await agenda.updatePosted(context, network, saved.meeting);
    await context.sendActivity(
      cardActivity(
        renderCheckInCard({
          language: network.settings.language,
          networkId: network.networkId,
          meeting: saved.meeting,
        }),
      ),
    );
    // The meeting has started whatever happened to the old card: say so, and what did not work.
    if (!agendaUpdated)
      await context.sendActivity(t('meeting.startedAgendaNotUpdated', { title: saved.meeting.title }));
  };
}
