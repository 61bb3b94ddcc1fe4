import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotCredentials } from '../config';

/**
 * CloudAdapter with Teams' defaults. Without credentials botbuilder authenticates nothing, which is what the
 * Agents Playground needs locally; config.ts refuses that in production.
 */
export function createAdapter(bot: BotCredentials | undefined): TeamsAdapter {
  if (!bot) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
  });
}
