import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandRouter } from '../../bot/command-router';
import { replyToInvokerOnly } from '../../bot/reply-to-invoker';
import { RSVP_VERBS } from '../../cards/agenda-card';
import { MEETING_VERBS } from '../../cards/meeting-form-card';
import { createAnswerRsvp } from '../rsvp/answer-rsvp';
import { createNudgeRsvp } from '../rsvp/nudge-rsvp';
import { createViewRsvp } from '../rsvp/view-rsvp';
import { agendaViewReads } from '../rsvp/agenda-view-reads';
import { createAgendaPublisher } from './agenda-publisher';
import { createCancelMeeting } from './cancel-meeting';
import { createListMeetings } from './list-meetings';
import { createOpenMeetingForm } from './open-meeting-form';
import { createPostAgenda } from './post-agenda';
import { createSaveMeeting } from './save-meeting';

/** Planning meetings, their agenda card and the answers to it. */
export function registerMeetings(app: Application, commands: CommandRouter, deps: BotDeps): void {
  const agenda = createAgendaPublisher(deps);
  const openForm = createOpenMeetingForm(deps);
  const saveMeeting = createSaveMeeting(deps, agenda);
  const cancelMeeting = createCancelMeeting(deps, agenda);
  // A network answers (and its Teams clients refresh) one card at once: these paths share recent reads.
  const reads = agendaViewReads(deps);
  const personalAgenda = createAgendaPublisher({ ...deps, roster: reads.roster, followUps: reads.followUps });
  const answer = createAnswerRsvp({ ...deps, ...reads }, personalAgenda);
  const view = createViewRsvp({ ...deps, ...reads }, personalAgenda);
  const nudge = createNudgeRsvp(deps);

  commands.on('newMeeting', async (context) => {
    const result = await openForm(context);
    await context.sendActivity(typeof result === 'string' ? result : cardActivity(result));
  });
  commands.on('meetings', createListMeetings(deps));
  commands.on('agenda', createPostAgenda(deps, agenda));
  app.adaptiveCards.actionExecute<unknown>(MEETING_VERBS.save, (context, _state, data) =>
    saveMeeting(context, data),
  );
  app.adaptiveCards.actionExecute<unknown>(MEETING_VERBS.edit, (context, _state, data) =>
    openForm(context, data),
  );
  app.adaptiveCards.actionExecute<unknown>(MEETING_VERBS.cancel, (context, _state, data) =>
    cancelMeeting(context, data),
  );
  // Answers and refreshes are personal views: they go to the person who pressed, never to the whole chat.
  app.adaptiveCards.actionExecute<unknown>(RSVP_VERBS.answer, async (context, _state, data) =>
    replyToInvokerOnly(context, await answer(context, data)),
  );
  app.adaptiveCards.actionExecute<unknown>(RSVP_VERBS.nudge, (context, _state, data) => nudge(context, data));
  app.adaptiveCards.actionExecute<unknown>(RSVP_VERBS.view, async (context, _state, data) =>
    replyToInvokerOnly(context, await view(context, data)),
  );
}
