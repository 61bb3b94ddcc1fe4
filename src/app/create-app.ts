import { Application } from '@microsoft/teams-ai';
import { registerAttendance } from '../features/attendance/register';
import { registerDecisions } from '../features/decisions/register';
import { registerConversations } from '../features/conversations/register';
import { registerFollowUps } from '../features/follow-ups/register';
import { registerMinutes } from '../features/minutes/register';
import { registerFallback } from '../features/fallback/register';
import { registerHelp } from '../features/help/register';
import { registerImport } from '../features/import/register';
import { registerSearch } from '../features/search/register';
import { registerMeetings } from '../features/meetings/register';
import { registerNetwork } from '../features/network/register';
import { registerPersonData } from '../features/person-data/register';
import { registerRoster } from '../features/roster/register';
import type { BotDeps } from '../bot/bot-deps';
import { CommandRouter } from '../bot/command-router';
import type { createAdapter } from '../bot/create-adapter';
import { createOnTurnError } from '../bot/on-turn-error';
import { outgoingTextGuard } from '../bot/outgoing-text-guard';
import { turnWritesMiddleware } from '../bot/turn-writes-middleware';
import { tenantAllowlist } from '../bot/tenant-allowlist';
import { telemetry } from '../telemetry';

/** The composition of the features on the Teams edge: the teams-ai Application with every feature registered. No AI, no turn-state storage: state lives in Cosmos. */
export function createApp(options: {
  adapter: ReturnType<typeof createAdapter>;
  deps: BotDeps;
  /** When set, conversations in other tenants are refused before any handler runs. */
  allowedTenantIds?: ReadonlySet<string>;
}): Application {
  const { adapter, deps } = options;
  adapter.use(turnWritesMiddleware);
  if (options.allowedTenantIds) adapter.use(tenantAllowlist(options.allowedTenantIds, deps.logger));
  adapter.use(outgoingTextGuard);
  adapter.use({
    async onTurn(context, next) {
      telemetry().turns.add(1, { type: context.activity.type });
      await next();
    },
  });
  const app = new Application({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  app.error(createOnTurnError(deps));

  const commands = new CommandRouter();
  registerConversations(app, deps);
  registerHelp(app, commands, deps);
  registerNetwork(app, commands, deps);
  registerMeetings(app, commands, deps);
  registerRoster(app, commands, deps);
  registerAttendance(app, commands, deps);
  registerDecisions(app, commands, deps);
  registerFollowUps(app, commands, deps);
  registerMinutes(app, commands, deps);
  registerPersonData(app, commands, deps);
  registerImport(app, commands, deps);
  registerSearch(app, commands, deps);
  registerFallback(app, commands, deps);
  commands.attach(app);
  return app;
}
