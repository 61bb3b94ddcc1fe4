import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { BotCredentials } from '../config';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * An app-only Microsoft Graph token for a conversation's tenant, as the bot's own app: its managed identity, its
 * single tenant, or (multi-tenant) the conversation's tenant. Without credentials (local runs) no token.
 */
export function createGraphToken(
  bot: BotCredentials | undefined,
): (tenantId: string | undefined) => Promise<string | undefined> {
  if (!bot) return () => Promise.resolve(undefined);
  const credentials = new Map<string, TokenCredential>();
  const credentialFor = (tenantId: string | undefined): TokenCredential => {
    const tenant = bot.type === 'MultiTenant' ? (tenantId ?? '') : (bot.tenantId ?? '');
    let credential = credentials.get(tenant);
    if (!credential) {
      credential =
        bot.type === 'UserAssignedMSI'
          ? new ManagedIdentityCredential({ clientId: bot.appId })
          : new ClientSecretCredential(tenant, bot.appId, bot.password ?? '');
      credentials.set(tenant, credential);
    }
    return credential;
  };
  return async (tenantId) => (await credentialFor(tenantId).getToken(GRAPH_SCOPE))?.token;
}
