import type { BotDeps } from '../../bot/bot-deps';
import type { CommandRouter } from '../../bot/command-router';
import { turnLanguage } from '../../bot/turn-language';
import { createTranslator } from '../../i18n/translator';

const QUOTE_LIMIT = 60;

/** Whatever is not a command gets a one-line hint, never silence. */
export function registerFallback(commands: CommandRouter, deps: Pick<BotDeps, 'networks'>): void {
  commands.otherwise(async (context, parsed) => {
    const t = createTranslator(await turnLanguage(context, deps.networks));
    if (parsed.kind === 'empty') {
      await context.sendActivity(t('fallback.empty'));
      return;
    }
    const quoted = parsed.text.length > QUOTE_LIMIT ? `${parsed.text.slice(0, QUOTE_LIMIT - 1)}…` : parsed.text;
    await context.sendActivity(t('fallback.unknown', { text: quoted }));
  });
}
