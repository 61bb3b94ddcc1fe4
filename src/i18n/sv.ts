/** Swedish, the networks' working language and the source catalogue: every key starts here. */
export const sv = {
  'help.title': 'Anteckna – nätverkets mötesassistent',
  'help.intro':
    'Jag följer nätverkets möten från dagordning till anteckningar: dagordningen och svaren före mötet, närvaro, beslut och uppföljningar under mötet, anteckningarna och påminnelserna efteråt.',
  'help.commandsHeading': 'Kommandon',
  'help.command.help': 'Visar det här kortet.',
  'help.mentionHint': 'I gruppchattar och kanaler nämner du mig först, till exempel: @{botName} hjälp',
  'help.otherLanguage': 'In English',
  'fallback.unknown': 'Jag förstår inte ”{text}”. Skriv hjälp för att se vad jag kan.',
  'fallback.empty': 'Skriv hjälp för att se vad jag kan.',
  'card.stale': 'Kortet är inaktuellt eller har ändrats. Skriv hjälp för att få ett nytt.',
  'error.apology': 'Något gick fel hos mig och det du bad om blev inte gjort. Försök igen om en stund.',
  'error.NotFound': 'Det du försöker ändra finns inte längre.',
  'error.Conflict': 'Någon annan ändrade samma sak samtidigt. Försök igen.',
  'error.InvalidInput': 'Det gick inte att läsa det du skickade.',
  'error.Forbidden': 'Du har inte behörighet att göra det.',
  'error.Unavailable': 'Lagringen svarar inte just nu. Inget sparades; försök igen om en stund.',
  'when.week': 'vecka {week} ({days})',
  'when.dayWithSpan': '{day} kl. {start}–{end}',
  'when.dayWithTime': '{day} kl. {start}',
  'when.unreadable':
    'Jag kunde inte läsa ”{text}” som ett datum. Skriv till exempel ”12 juni”, ”fredag 9 september 9-12”, ”v 47”, ”i morgon” eller ”2026-12-01 13:00”.',
  'when.invalidTime':
    '”{text}” innehåller en tid jag inte kan läsa. Skriv till exempel 9-12 eller 13:00–15:30.',
  'when.past': '”{text}” förstod jag som {understood}, och det har redan varit.',
  'when.endBeforeStart': '”{text}” förstod jag som {understood}, men sluttiden måste vara efter starttiden.',
  'when.ambiguous': '”{text}” kan betyda {a} eller {b}. Skriv månaden med bokstäver, till exempel ”1 dec”.',
  'when.weekdayMismatch': '”{text}”: {day} är ingen {typed}. Vilken dag menar du?',
} as const;

export type MessageKey = keyof typeof sv;
