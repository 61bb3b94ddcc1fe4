import { COMMANDS, commandWord } from '../../src/domain/commands';
import type { Language } from '../../src/domain/language';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';
import { withBotAndConnector } from '../helpers/bot-with-connector';
import { chatMember } from '../helpers/chat-member';
import { setUpNetwork } from '../helpers/network-setup';
import { attachmentCard, cardTexts } from '../helpers/teams-activity';

/** What the fallback says to a message no command claims, in either language (the text before the quote). */
const notUnderstood = [sv, en].map((c) => c['fallback.unknown'].split('"')[0]!);

/** Every word of every listed command, in each language it has words in. */
const typed = COMMANDS.flatMap(({ name, words }) =>
  (Object.keys(words) as Language[]).flatMap((language) =>
    words[language].map((word) => ({ name, language, word })),
  ),
);

describe('the command list', () => {
  const suite = withBotAndConnector();
  let conversation: Record<string, unknown>;
  const member = chatMember(suite, () => ({ conversation }));

  beforeAll(async () => {
    ({ conversation } = await setUpNetwork(suite.bot, suite.connector, '19:command-list@thread.v2'));
  });

  it.each(typed)(
    '"$word" ($language) reaches the $name handler, not "I don\'t understand"',
    async ({ word }) => {
      const reply = await member.say(word);
      const text = typeof reply.text === 'string' ? reply.text : '';
      expect(notUnderstood.some((prefix) => text.startsWith(prefix))).toBe(false);
      expect(text === sv['fallback.empty'] || text === en['fallback.empty']).toBe(false);
    },
  );

  it("shows every command with its help line on the network's help card", async () => {
    const shown = cardTexts(attachmentCard(await member.say('hjälp')));
    for (const { name } of COMMANDS)
      expect(shown).toEqual(expect.arrayContaining([commandWord(name, 'sv'), sv[`help.command.${name}`]]));
  });
});
