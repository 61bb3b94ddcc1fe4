import { DateTime } from 'luxon';
import { parseCommand } from '../../src/domain/commands';
import { parseFollowUp } from '../../src/domain/follow-up';
import type { Language } from '../../src/domain/language';
import { parseGuest } from '../../src/domain/roster';
import { parseWhen } from '../../src/domain/when/parse-when';
import { catalogueFor, type MessageKey } from '../../src/i18n/translator';

const ZONE = 'Europe/Stockholm';
/** 07:00 in Stockholm on every day of a year, leap day included: examples may not depend on the day shown. */
const DAYS = Array.from({ length: 366 }, (_, i) =>
  DateTime.fromObject({ year: 2028, month: 1, day: 1, hour: 7 }, { zone: ZONE }).plus({ days: i }).toJSDate(),
);

/** The quoted examples of a message: ”…” in Swedish, "…" in English; `{text}` stands for what the user wrote. */
function quoted(language: Language, key: MessageKey, text = '12 juni'): string[] {
  const message = catalogueFor(language)[key].replaceAll('{text}', text);
  const pattern = language === 'sv' ? /”([^”]+)”/g : /"([^"]+)"/g;
  return [...message.matchAll(pattern)].map((m) => m[1]!).filter((example) => example !== text);
}

/** What follows "till exempel" / "for example" to the end of the message, split at "eller" / "or". */
function afterForExample(language: Language, key: MessageKey): string[] {
  const message = catalogueFor(language)[key];
  const rest = message.split(language === 'sv' ? /till exempel:?\s*/ : /for example:?\s*/)[1] ?? '';
  return rest.split(language === 'sv' ? ' eller ' : ' or ').map((s) => s.trim());
}

const LANGUAGES: Language[] = ['sv', 'en'];

describe('every example the bot gives is accepted by what it describes, on any day of the year', () => {
  /** Hints for a meeting's date and time: each must read as one day with a start and an end. */
  const meetingDateHints: [MessageKey, (language: Language) => string[]][] = [
    ['when.unreadable', (l) => quoted(l, 'when.unreadable')],
    ['when.invalidTime', (l) => quoted(l, 'when.invalidTime')],
    ['when.ambiguous', (l) => quoted(l, 'when.ambiguous')],
    ['meeting.error.weekNotDay', (l) => quoted(l, 'meeting.error.weekNotDay')],
    [
      'meeting.error.needsTimes',
      (l) => quoted(l, 'meeting.error.needsTimes', l === 'sv' ? '12 juni' : '12 June'),
    ],
    ['meeting.form.whenPlaceholder', (l) => afterForExample(l, 'meeting.form.whenPlaceholder')],
  ];

  it.each(LANGUAGES.flatMap((language) => meetingDateHints.map(([key, of]) => [language, key, of] as const)))(
    '%s %s: a day with a start and an end time',
    (language, _key, of) => {
      const examples = of(language);
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples)
        for (const now of DAYS) {
          const result = parseWhen(example, { now, zone: ZONE });
          const ok = result.ok && result.when.kind === 'day' && !!result.when.start && !!result.when.end;
          if (!ok) throw new Error(`"${example}" refused on ${now.toISOString()}: ${JSON.stringify(result)}`);
        }
    },
  );

  /** Command examples: each is the command it describes, with arguments its parser takes. */
  const commandHints: [MessageKey, string][] = [
    ['decision.empty', 'decision'],
    ['note.empty', 'note'],
    ['followUp.empty', 'followUp'],
    ['followUp.noOwner', 'followUp'],
    ['guest.usage', 'guest'],
    ['meeting.noneToRecord', 'decision'],
    ['meeting.badPick', 'decision'],
  ];

  it.each(LANGUAGES.flatMap((language) => commandHints.map(([key, name]) => [language, key, name] as const)))(
    '%s %s: the %s command, read whole',
    (language, key, name) => {
      const [example] = afterForExample(language, key);
      const parsed = parseCommand(example);
      expect(parsed).toMatchObject({ kind: 'command', name });
      if (parsed.kind !== 'command') return;
      if (name === 'guest') expect(parseGuest(parsed.args)).toBeDefined();
      if (parsed.meetingDate)
        for (const now of DAYS)
          expect(parseWhen(parsed.meetingDate, { now, zone: ZONE, direction: 'nearest' }).ok).toBe(true);
      if (name !== 'followUp') return;
      // "@Sara" is a mention in Teams: the router takes its text out of the arguments.
      const args = parsed.args.replace(/@\S+\s*/, '');
      for (const now of DAYS) {
        const result = parseFollowUp(args, {
          itemCount: 3,
          mentioned: { kind: 'member', name: 'Sara Lind', userId: '29:sara' },
          candidates: { members: [], organisations: [] },
          now,
          zone: ZONE,
        });
        if ('problem' in result)
          throw new Error(`"${example}" refused on ${now.toISOString()}: ${JSON.stringify(result)}`);
        expect(result.due).toBeDefined();
      }
    },
  );
});
