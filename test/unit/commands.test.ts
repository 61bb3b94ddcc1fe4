import { COMMANDS, parseCommand } from '../../src/domain/commands';

describe('parseCommand', () => {
  it.each([
    ['hjälp', 'sv'],
    ['Hjälp', 'sv'],
    ['HJÄLP!', 'sv'],
    ['hjalp', 'sv'],
    ['  hjälp  ', 'sv'],
    ['/help', 'en'],
    ['help', 'en'],
    ['Help.', 'en'],
  ])('reads %p as help typed in %s', (text, language) => {
    expect(parseCommand(text)).toEqual({ kind: 'command', name: 'help', args: '', language });
  });

  it('reads decomposed Swedish letters (a + combining ring) like composed ones', () => {
    expect(parseCommand('hja\u0308lp')).toMatchObject({ kind: 'command', name: 'help' });
  });

  it('strips a mention the SDK left in the text, and Teams non-breaking and zero-width spaces', () => {
    expect(parseCommand('<at>Anteckna</at>\u00a0hjälp\u200b')).toMatchObject({
      kind: 'command',
      name: 'help',
    });
  });

  it('keeps what follows the command word as its arguments, with the original case', () => {
    expect(parseCommand('help Meetings In December')).toEqual({
      kind: 'command',
      name: 'help',
      args: 'Meetings In December',
      language: 'en',
    });
  });

  it.each([
    ['personuppgifter Sara Lind', 'sv'],
    ['Personal data Sara Lind', 'en'],
  ])('reads %p as the personal data command in %s, the person as its argument', (text, language) => {
    expect(parseCommand(text)).toEqual({
      kind: 'command',
      name: 'personalData',
      args: 'Sara Lind',
      language,
    });
  });

  it('does not take a longer word that starts with a command word', () => {
    expect(parseCommand('helpdesk')).toEqual({ kind: 'unknown', text: 'helpdesk' });
  });

  it('reports an unknown command with its cleaned text and an empty message as empty', () => {
    expect(parseCommand('<at>Anteckna</at>  vad  kan du')).toEqual({ kind: 'unknown', text: 'vad kan du' });
    expect(parseCommand('<at>Anteckna</at>')).toEqual({ kind: 'empty' });
    expect(parseCommand(undefined)).toEqual({ kind: 'empty' });
  });

  it('has no command word shared by two commands', () => {
    const words = COMMANDS.flatMap((c) => [...c.words.sv, ...c.words.en]);
    expect(new Set(words).size).toBe(words.length);
  });

  it('refuses text longer than any command needs without reading it', () => {
    expect(parseCommand(`beslut ${'x'.repeat(2990)}`)).toMatchObject({ kind: 'command', name: 'decision' });
    expect(parseCommand(`beslut ${'x'.repeat(3000)}`)).toEqual({ kind: 'tooLong' });
    expect(parseCommand('x'.repeat(1_000_000))).toEqual({ kind: 'tooLong' });
  });

  it('reads "möte <dag>" before a command as the meeting it is about, the day ending where a command begins', () => {
    expect(parseCommand('möte 2026-11-20 beslut punkt 1 Nätverket beslutar att …')).toEqual({
      kind: 'command',
      name: 'decision',
      args: 'punkt 1 Nätverket beslutar att …',
      language: 'sv',
      meetingDate: '2026-11-20',
    });
    expect(parseCommand('Möte 20 november 2026 kl 13 närvaro')).toMatchObject({
      name: 'attendance',
      meetingDate: '20 november 2026 kl 13',
    });
    expect(parseCommand('meeting 20 Nov note item 2 Text')).toMatchObject({
      name: 'note',
      args: 'item 2 Text',
      language: 'en',
      meetingDate: '20 Nov',
    });
    // "möten" is its own command, and "möte" with no command after it is not one.
    expect(parseCommand('möten')).toMatchObject({ kind: 'command', name: 'meetings' });
    expect(parseCommand('möte 2026-11-20')).toEqual({ kind: 'unknown', text: 'möte 2026-11-20' });
  });
});
