import { HELP_VERBS, renderHelpCard } from '../../src/cards/help-card';
import { sv } from '../../src/i18n/sv';
import { COMMANDS, commandWord } from '../../src/domain/commands';
import { en } from '../../src/i18n/en';
import { cardTexts } from '../helpers/teams-activity';
import { cardProblems } from '../helpers/validate-card';

describe('help card', () => {
  it.each(['sv', 'en'] as const)('is a valid Adaptive Card 1.5 in %s', (language) => {
    const card = renderHelpCard({ language, conversationType: 'groupChat', botName: 'Anteckna' });
    expect(cardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)(
    'has a help line for every listed command in %s, and shows it with the command',
    (language, catalogue) => {
      const shown = cardTexts(renderHelpCard({ language, conversationType: 'groupChat' }));
      for (const { name } of COMMANDS) {
        const line = catalogue[`help.command.${name}`];
        expect(line.trim()).not.toBe('');
        expect(shown).toEqual(expect.arrayContaining([commandWord(name, language), line]));
      }
    },
  );

  it('lists the commands in the reader language and offers the other language', () => {
    const svTexts = cardTexts(renderHelpCard({ language: 'sv', conversationType: 'personal' }));
    expect(svTexts).toEqual(
      expect.arrayContaining([sv['help.title'], 'hjälp', sv['help.command.help'], 'In English']),
    );
    const enTexts = cardTexts(renderHelpCard({ language: 'en', conversationType: 'personal' }));
    expect(enTexts).toEqual(
      expect.arrayContaining([en['help.title'], 'help', en['help.command.help'], 'På svenska']),
    );
  });

  it('tells group chats and channels to mention the bot, with its real name, but not personal chats', () => {
    const group = cardTexts(
      renderHelpCard({ language: 'sv', conversationType: 'channel', botName: 'Anteckna Test' }),
    );
    expect(group).toContain(
      'I gruppchattar och kanaler nämner du mig först, till exempel: @Anteckna Test hjälp',
    );
    const personal = cardTexts(renderHelpCard({ language: 'sv', conversationType: 'personal' }));
    expect(personal.some((t) => t.includes('nämner du mig'))).toBe(false);
  });

  it('uses Action.Execute with the language switch verb and only the target language as data', () => {
    const card = renderHelpCard({ language: 'sv' }) as unknown as {
      actions: { type: string; verb: string; data: unknown }[];
    };
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: HELP_VERBS.switchLanguage,
        data: { language: 'en' },
      }),
    ]);
  });

  it('cannot be altered by template syntax in its values', () => {
    const card = renderHelpCard({ language: 'sv', conversationType: 'groupChat', botName: '${title}' });
    expect(cardTexts(card)).toContain(
      'I gruppchattar och kanaler nämner du mig först, till exempel: @${title} hjälp',
    );
  });
});
