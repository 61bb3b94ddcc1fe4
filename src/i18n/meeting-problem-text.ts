import type { Language } from '../domain/language';
import type { MeetingProblem } from '../domain/plan-meeting';
import { formatWhen, whenProblemText } from './format-when';
import type { Translate } from './translator';

/** What to tell a chair whose meeting form could not be saved. */
export function meetingProblemText(
  problem: MeetingProblem,
  whenText: string,
  language: Language,
  t: Translate,
): string {
  switch (problem.problem) {
    case 'when':
      return whenProblemText(problem.refusal, whenText, language, t);
    case 'needsTimes':
      return t('meeting.error.needsTimes', {
        text: whenText,
        understood: formatWhen(problem.understood, language, t),
      });
    case 'heldNotOver':
      return t('meeting.error.heldNotOver', {
        text: whenText,
        understood: formatWhen(problem.understood, language, t),
      });
    case 'weekNotDay':
      return t('meeting.error.weekNotDay', {
        text: whenText,
        understood: formatWhen(problem.understood, language, t),
      });
    case 'placeRequired':
      return t('meeting.error.placeRequired');
    case 'joinUrl':
      return t('meeting.error.joinUrl');
    case 'agendaLines':
      return t('meeting.error.agendaLines', { lines: problem.lines.join(', ') });
  }
}
