import type { TurnContext } from 'botbuilder';
import { networkIdForConversation } from '../domain/conversation';
import { resolveLanguage, type Language } from '../domain/language';
import type { NetworkRepository } from '../storage/network-repository';

/**
 * The language for this turn. A failing network lookup must not cost the user their answer (the error
 * handler itself needs a language while Cosmos is down), so it falls back to the locale.
 */
export async function turnLanguage(
  context: TurnContext,
  networks: Pick<NetworkRepository, 'language'>,
): Promise<Language> {
  const { conversation, locale } = context.activity;
  let networkLanguage: Language | undefined;
  if (conversation?.id && conversation.conversationType !== 'personal') {
    try {
      networkLanguage = await networks.language(networkIdForConversation(conversation.id));
    } catch {
      networkLanguage = undefined;
    }
  }
  return resolveLanguage({ networkLanguage, locale });
}
