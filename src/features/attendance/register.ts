import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { ATTENDANCE_VERBS } from '../../cards/attendance-correction-card';
import { CHECK_IN_VERB } from '../../cards/check-in-card';
import { createAgendaPublisher } from '../meetings/agenda-publisher';
import { createCheckIn } from './check-in';
import { JOINER_VERBS } from '../../cards/joiner-card';
import { createConfirmJoiner } from './confirm-joiner';
import { createCorrectAttendance } from './correct-attendance';
import { createEndMeeting } from './end-meeting';
import { createLinkMeeting } from './link-meeting';
import { registerMeetingEvents } from './meeting-events';
import { createShowAttendance } from './show-attendance';
import { createShowCheckIn } from './show-check-in';
import { createStartMeeting } from './start-meeting';

/** During the meeting: starting and ending it, checking in, and the attendance list. */
export function registerAttendance(app: Application, commands: CommandRouter, deps: BotDeps): void {
  const checkIn = createCheckIn(deps);
  commands.on('startMeeting', createStartMeeting(deps, createAgendaPublisher(deps)));
  commands.on('endMeeting', createEndMeeting(deps));
  commands.on('attendance', createShowAttendance(deps));
  for (const mode of ['include', 'leaveOut'] as const) {
    const confirm = createConfirmJoiner(deps, mode);
    app.adaptiveCards.actionExecute<unknown>(JOINER_VERBS[mode], (context, _state, data) =>
      confirm(context, data),
    );
  }
  commands.on('checkIn', createShowCheckIn(deps));
  commands.on('link', createLinkMeeting(deps));
  registerMeetingEvents(app, deps);
  app.adaptiveCards.actionExecute<unknown>(CHECK_IN_VERB, (context, _state, data) => checkIn(context, data));
  for (const mode of ['correct', 'addGuest'] as const) {
    const correct = createCorrectAttendance(deps, mode);
    app.adaptiveCards.actionExecute<unknown>(ATTENDANCE_VERBS[mode], (context, _state, data) =>
      correct(context, data),
    );
  }
}
