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
};
