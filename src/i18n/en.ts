import type { MessageKey } from './sv';

export const en: Record<MessageKey, string> = {
  'help.title': "Anteckna – the network's meeting assistant",
  'help.intro':
    "I follow the network's meetings from agenda to minutes: the agenda and answers before a meeting, attendance, decisions and follow-ups during it, the minutes and reminders afterwards.",
  'help.commandsHeading': 'Commands',
  'help.command.help': 'Shows this card.',
  'help.mentionHint': 'In group chats and channels, mention me first, for example: @{botName} help',
  'help.otherLanguage': 'På svenska',
  'fallback.unknown': 'I don\'t understand "{text}". Type help to see what I can do.',
  'fallback.empty': 'Type help to see what I can do.',
  'card.stale': 'This card is out of date or was altered. Type help to get a new one.',
  'error.apology':
    'Something went wrong on my side and your request was not carried out. Please try again in a moment.',
  'error.NotFound': 'What you are trying to change no longer exists.',
  'error.Conflict': 'Someone else changed the same thing at the same time. Please try again.',
  'error.InvalidInput': 'I could not read what you sent.',
  'error.Forbidden': 'You are not allowed to do that.',
  'error.Unavailable': 'Storage is not answering right now. Nothing was saved; please try again in a moment.',
  'when.week': 'week {week} ({days})',
  'when.dayWithSpan': '{day}, {start}–{end}',
  'when.dayWithTime': '{day} at {start}',
  'when.unreadable':
    'I could not read "{text}" as a date. Try for example "12 June", "Friday 9 September 9-12", "week 47", "tomorrow" or "2026-12-01 13:00".',
  'when.invalidTime': '"{text}" has a time I cannot read. Try for example 9-12 or 13:00-15:30.',
  'when.past': 'I read "{text}" as {understood}, which has already passed.',
  'when.endBeforeStart': 'I read "{text}" as {understood}, but the end must be after the start.',
  'when.ambiguous': '"{text}" could mean {a} or {b}. Write the month in letters, for example "1 Dec".',
  'when.weekdayMismatch': '"{text}": {day} is not a {typed}. Which day do you mean?',
};
