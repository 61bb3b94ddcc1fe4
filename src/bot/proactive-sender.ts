import { setTimeout as sleep } from 'node:timers/promises';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, ConversationParameters } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationReferenceData } from '../domain/conversation';
import { toConversationReference } from './conversation-reference';
import type { SendGate } from './send-gate';
import type { TenantSendLeases } from './tenant-send-leases';
import { ownRetriesAndTimeout } from './botbuilder-internals';
import { retryAfterMs, teamsStatusOf } from './teams-status';

export type SendResult =
  | { status: 'sent'; activityId: string }
  /** 403 (not in the conversation, blocked) or 404 (no such conversation): permanent, never retried. */
  | { status: 'dead'; httpStatus: number }
  /** Retried and still failing, or no answer in time: the caller may try again later. */
  | { status: 'failed'; httpStatus?: number; retryAfterMs?: number }
  /** `stillWanted` said no once a slot was free: nothing was sent. */
  | { status: 'abandoned' };

export type OpenResult =
  | { status: 'opened'; reference: ConversationReferenceData }
  | Exclude<SendResult, { status: 'sent' | 'abandoned' }>;

/** Sends outside a user's turn (reminders, digests), within Teams' rate limits; see createProactiveSender. */
export interface ProactiveSender {
  /**
   * `stillWanted` is asked right before each request, after any wait for a slot or a retry: a scheduler instance
   * checks there that its claim is still its own, so a send that waited past its lease never goes out twice.
   */
  send(
    target: ConversationReferenceData,
    activity: Partial<Activity>,
    stillWanted?: () => Promise<boolean>,
  ): Promise<SendResult>;
  /** Opens (or finds, Teams returns the same one) the bot's 1:1 chat with a user, via a conversation they share. */
  openPersonal(via: ConversationReferenceData, userId: string): Promise<OpenResult>;
}

class Timeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer from Teams in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Statuses retried here (Teams' guidance); others fail at once and the scheduler tries again later. */
const RETRIED = new Set([412, 429, 502, 504]);

/**
 * The one way scheduled messages reach Teams: each request waits for a slot in the SendGate (7/s per conversation,
 * 50/s per tenant), 412/429/502/504 are retried with exponential backoff and full jitter honouring Retry-After (a
 * 429 also pauses the tenant's gate), at most `attempts` times; 403/404 come back as `dead` at once; a request
 * with no answer in `timeoutMs` is `failed` (Teams may still have delivered it: the caller decides).
 */
export function createProactiveSender(deps: {
  adapter: TeamsAdapter;
  botAppId: string;
  gate: SendGate;
  /** One instance at a time per tenant (see tenant-send-leases); without, this instance's gate alone paces. */
  leases?: TenantSendLeases;
  logger: Logger;
  timeoutMs: number;
  attempts?: number;
  baseDelayMs?: number;
}): ProactiveSender {
  const attempts = deps.attempts ?? 4;
  const baseDelayMs = deps.baseDelayMs ?? 500;

  async function withRetries<T>(
    target: ConversationReferenceData,
    call: () => Promise<T>,
    stillWanted?: () => Promise<boolean>,
  ): Promise<{ ok: true; value: T } | { ok: false; result: Exclude<SendResult, { status: 'sent' }> }> {
    const tenant = target.tenantId ?? '';
    for (let attempt = 1; ; attempt += 1) {
      await deps.gate.take(tenant, target.conversationId);
      await deps.leases?.hold(tenant);
      if (stillWanted && !(await stillWanted())) return { ok: false, result: { status: 'abandoned' } };
      const answered = await deps.gate.admit(tenant, target.conversationId);
      try {
        // The request itself times out at timeoutMs; this bounds the whole call (token, turn) as a last resort.
        return { ok: true, value: await withTimeout(call(), 2 * deps.timeoutMs).finally(answered) };
      } catch (error) {
        const status = teamsStatusOf(error);
        if (status === 403 || status === 404)
          return { ok: false, result: { status: 'dead', httpStatus: status } };
        const wait = retryAfterMs(error, Date.now());
        if (status === 429) deps.gate.pause(tenant, wait ?? baseDelayMs);
        const retried = status !== undefined && RETRIED.has(status);
        deps.logger.warn(
          {
            conversationType: target.conversationType,
            httpStatus: status,
            attempt,
            timeout: error instanceof Timeout,
          },
          'proactive send failed',
        );
        if (!retried || attempt >= attempts)
          return {
            ok: false,
            result: {
              status: 'failed',
              ...(status !== undefined ? { httpStatus: status } : {}),
              ...(wait !== undefined ? { retryAfterMs: wait } : {}),
            },
          };
        // Full jitter keeps instances that failed together from retrying together.
        const backoff = Math.random() * baseDelayMs * 2 ** (attempt - 1);
        await sleep(Math.max(wait ?? 0, backoff));
      }
    }
  }

  return {
    async send(target, activity, stillWanted) {
      const outcome = await withRetries(
        target,
        async () => {
          let failure: unknown;
          let id: string | undefined;
          // A failure inside the turn would reach the adapter's error handler and vanish: keep it and rethrow.
          await deps.adapter.continueConversationAsync(
            deps.botAppId,
            toConversationReference(target),
            async (context) => {
              try {
                ownRetriesAndTimeout(context, deps.timeoutMs);
                id = (await context.sendActivity(activity))?.id;
              } catch (error) {
                failure = error;
              }
            },
          );
          if (failure !== undefined)
            throw failure instanceof Error ? failure : new Error('send failed', { cause: failure });
          return id ?? '';
        },
        stillWanted,
      );
      return outcome.ok ? { status: 'sent', activityId: outcome.value } : outcome.result;
    },

    async openPersonal(via, userId) {
      const parameters = {
        isGroup: false,
        bot: { id: via.botId, name: via.botName ?? '' },
        members: [{ id: userId, name: '' }],
        tenantId: via.tenantId,
        channelData: { tenant: { id: via.tenantId } },
      } as ConversationParameters;
      const outcome = await withRetries(via, async () => {
        let conversationId = '';
        await deps.adapter.createConversationAsync(
          deps.botAppId,
          via.channelId,
          via.serviceUrl,
          '',
          parameters,
          (context) => {
            conversationId = context.activity.conversation.id;
            return Promise.resolve();
          },
        );
        return conversationId;
      });
      if (!outcome.ok) return outcome.result.status === 'abandoned' ? { status: 'failed' } : outcome.result;
      return {
        status: 'opened',
        reference: {
          conversationId: outcome.value,
          conversationType: 'personal',
          ...(via.tenantId ? { tenantId: via.tenantId } : {}),
          serviceUrl: via.serviceUrl,
          channelId: via.channelId,
          botId: via.botId,
          ...(via.botName ? { botName: via.botName } : {}),
        },
      };
    },
  };
}
