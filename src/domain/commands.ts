import { withoutHiddenMarks } from './hidden-marks';
import type { Language } from './language';

export type CommandName =
  | 'help'
  | 'settings'
  | 'newMeeting'
  | 'meetings'
  | 'agenda'
  | 'organisations'
  | 'guest'
  | 'startMeeting'
  | 'endMeeting'
  | 'checkIn'
  | 'attendance'
  | 'link'
  | 'decision'
  | 'item'
  | 'note'
  | 'followUp'
  | 'followUps'
  | 'minutes'
  | 'reminders'
  | 'personalData'
  | 'import'
  | 'search';

interface CommandDefinition {
  name: CommandName;
  /** What users type, per language; the first is the one shown in help. */
  words: Record<Language, readonly string[]>;
}

/** Every command the bot understands. Help lists these, so a command exists here only once it is built. */
export const COMMANDS: readonly CommandDefinition[] = [
  { name: 'help', words: { sv: ['hjälp', 'hjalp', '?'], en: ['help'] } },
  { name: 'settings', words: { sv: ['inställningar', 'installningar'], en: ['settings'] } },
  { name: 'newMeeting', words: { sv: ['nytt möte', 'nytt mote'], en: ['new meeting'] } },
  { name: 'meetings', words: { sv: ['möten', 'moten'], en: ['meetings'] } },
  { name: 'agenda', words: { sv: ['dagordning', 'agenda'], en: [] } },
  { name: 'organisations', words: { sv: ['organisationer'], en: ['organisations', 'organizations'] } },
  { name: 'guest', words: { sv: ['gäst', 'gast'], en: ['guest'] } },
  { name: 'startMeeting', words: { sv: ['starta möte', 'starta mote'], en: ['start meeting'] } },
  { name: 'endMeeting', words: { sv: ['avsluta möte', 'avsluta mote'], en: ['end meeting'] } },
  { name: 'checkIn', words: { sv: ['incheckning', 'checka in'], en: ['check in', 'check-in'] } },
  { name: 'attendance', words: { sv: ['närvaro', 'narvaro'], en: ['attendance'] } },
  { name: 'link', words: { sv: ['koppla'], en: ['link'] } },
  { name: 'decision', words: { sv: ['beslut'], en: ['decision'] } },
  { name: 'item', words: { sv: ['punkt'], en: ['item'] } },
  { name: 'note', words: { sv: ['anteckning'], en: ['note'] } },
  { name: 'followUp', words: { sv: ['uppgift'], en: ['action'] } },
  { name: 'minutes', words: { sv: ['protokoll', 'anteckningar'], en: ['minutes'] } },
  { name: 'reminders', words: { sv: ['påminnelser', 'paminnelser'], en: ['reminders'] } },
  { name: 'personalData', words: { sv: ['personuppgifter'], en: ['personal data'] } },
  { name: 'import', words: { sv: ['importera'], en: ['import'] } },
  { name: 'search', words: { sv: ['sök', 'sok'], en: ['search'] } },
  {
    name: 'followUps',
    words: { sv: ['uppföljning', 'uppfoljning'], en: ['follow-ups', 'follow ups', 'followups'] },
  },
];

export type ParsedCommand =
  | { kind: 'command'; name: CommandName; args: string; language: Language; meetingDate?: string }
  | { kind: 'unknown'; text: string }
  | { kind: 'tooLong' }
  | { kind: 'empty' };

/** Longer than any command needs (a note or follow-up is at most 2,000): such a message is refused unread. */
export const COMMAND_TEXT_MAX = 3000;

const ALIASES = COMMANDS.flatMap((command) =>
  (Object.entries(command.words) as [Language, readonly string[]][]).flatMap(([language, words]) =>
    words.map((word) => ({ word, name: command.name, language })),
  ),
).sort((a, b) => b.word.length - a.word.length);

/**
 * Teams text may still carry an `<at>` tag (a mention the SDK did not strip), non-breaking spaces, zero-width
 * characters and decomposed Swedish letters; commands are matched after all of that is normalised.
 */
export function normaliseCommandText(text: string): string {
  return (
    withoutHiddenMarks(text)
      .normalize('NFC')
      .replace(/<at>[^<]*<\/at>/gi, ' ')
      // Line breaks stay: a note or decision typed over several lines keeps its paragraphs and lists.
      .replace(/\r\n?/g, '\n')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
      .replace(/^\//, '')
  );
}

/** `möte 2026-11-20 …` / `meeting 20 Nov …` before a command names the meeting it is about. */
const MEETING_PREFIX = /^(?:möte|mote|meeting)\s+/;
/** How many words a meeting's day (and start time) may take: "20 november 2026 kl 13". */
const MEETING_DATE_WORDS = 5;

/**
 * `möte <dag> <kommando>`: the command with the day it names. The day ends where a command begins, so "möte 20
 * november beslut …" is the day "20 november" and the command "beslut …".
 */
function withMeetingDate(clean: string): ParsedCommand | undefined {
  const prefix = MEETING_PREFIX.exec(clean.toLocaleLowerCase('sv'));
  if (!prefix) return undefined;
  const rest = clean.slice(prefix[0].length);
  const gaps = [...rest.matchAll(/[ \n]/g)].map((gap) => gap.index);
  for (const cut of gaps.slice(0, MEETING_DATE_WORDS)) {
    const command = parseBare(rest.slice(cut + 1));
    if (command.kind === 'command') return { ...command, meetingDate: rest.slice(0, cut) };
  }
  return undefined;
}

export function parseCommand(text: string | undefined): ParsedCommand {
  if ((text ?? '').length > COMMAND_TEXT_MAX * 2) return { kind: 'tooLong' };
  const clean = normaliseCommandText(text ?? '');
  if (clean === '') return { kind: 'empty' };
  if (clean.length > COMMAND_TEXT_MAX) return { kind: 'tooLong' };
  return withMeetingDate(clean) ?? parseBare(clean);
}

function parseBare(clean: string): ParsedCommand {
  const lower = clean.toLocaleLowerCase('sv');
  // "hjälp!" is still help, but punctuation inside arguments ("beslut ... .") belongs to the text.
  const bare = lower.replace(/[!.]+$/, '');
  for (const alias of ALIASES) {
    if (bare === alias.word) return { kind: 'command', name: alias.name, args: '', language: alias.language };
    if (lower.startsWith(`${alias.word} `) || lower.startsWith(`${alias.word}\n`)) {
      return {
        kind: 'command',
        name: alias.name,
        args: clean.slice(alias.word.length).trim(),
        language: alias.language,
      };
    }
  }
  return { kind: 'unknown', text: clean };
}

/** The words shown for a command in help, in the reader's language. */
export const commandWord = (name: CommandName, language: Language): string =>
  COMMANDS.find((c) => c.name === name)?.words[language][0] ?? name;
