import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

/** The tenant a conversation lives in: guests from other organisations in it carry the host's tenant here. */
function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return (context.activity.conversation?.tenantId ?? channelData?.tenant?.id)?.toLowerCase();
}

/**
 * Refuses activities from conversations in tenants not on the list, after authentication and before any
 * handler (so before any storage read): an invoke gets 403, anything else no answer. Logged with the tenant id.
 */
export function tenantAllowlist(allowed: ReadonlySet<string>, logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      const tenant = tenantOf(context);
      if (tenant && allowed.has(tenant)) {
        await next();
        return;
      }
      logger.warn({ tenantId: tenant ?? null, activityType: context.activity.type }, 'tenant not allowed');
      if (context.activity.type === 'invoke')
        await context.sendActivity({
          type: 'invokeResponse',
          value: { status: 403, body: { error: 'tenant' } },
        });
    },
  };
}
