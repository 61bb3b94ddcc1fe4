import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import { cardActivity } from '../../bot/card-activity';
import type { CommandRouter } from '../../bot/command-router';
import { turnLanguage } from '../../bot/turn-language';
import { SEARCH_MORE_VERB, searchMoreSchema } from '../../cards/search-results-card';
import { createTranslator } from '../../i18n/translator';
import { searchResults } from './search-network';

/** `sök` / `search`, and the results card's "Visa fler". */
export function registerSearch(app: Application, commands: CommandRouter, deps: BotDeps): void {
  commands.on('search', async (context, input) => {
    const answer = await searchResults(context, deps, input.args, 1);
    await context.sendActivity(typeof answer === 'string' ? answer : cardActivity(answer));
  });
  app.adaptiveCards.actionExecute<unknown>(SEARCH_MORE_VERB, async (context, _state, data) => {
    const parsed = searchMoreSchema.safeParse(data);
    if (!parsed.success) return createTranslator(await turnLanguage(context, deps.networks))('card.stale');
    return searchResults(context, deps, parsed.data.query, parsed.data.page);
  });
}
