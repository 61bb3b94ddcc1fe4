import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotCredentials } from '../config';
import { reuseConnectors } from './botbuilder-internals';

/** TeamsAdapter whose connector and token clients are made once and reused (see botbuilder-internals). */
class ReusingTeamsAdapter extends TeamsAdapter {
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    reuseConnectors(this.botFrameworkAuthentication);
  }
}

/**
 * CloudAdapter with Teams' defaults. Without credentials botbuilder authenticates nothing, which is what the
 * Agents Playground needs locally; config.ts refuses that in production.
 */
export function createAdapter(bot: BotCredentials | undefined): TeamsAdapter {
  if (!bot) return new ReusingTeamsAdapter({});
  return new ReusingTeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
    // Naming one endpoint switches botbuilder to explicit settings: the rest are the public cloud's own values.
    ...(bot.openIdMetadataUrl
      ? {
          ToBotFromChannelOpenIdMetadataUrl: bot.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: bot.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${bot.tenantId ?? 'botframework.com'}`,
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          ValidateAuthority: true,
        }
      : {}),
  });
}
