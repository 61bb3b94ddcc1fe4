import { randomUUID } from 'node:crypto';
import type { FollowUp } from '../../src/domain/follow-up';
import { createConversationRepository } from '../../src/storage/conversation-repository';
import { createFollowUpRepository } from '../../src/storage/follow-up-repository';
import { createNetworkRepository } from '../../src/storage/network-repository';
import type { BenchStack } from './bench-stack';

export const REMINDERS = 10_000;
export const NETWORKS = 200;
/** Monday 23 November 2026, 10:00 in Stockholm: a working day, inside the default sending hours. */
export const CLOCK_AT = '2026-11-23T09:00:00.000Z';
/** Networks of their own for a warm-up's reminders (the 200 networks' data is first read when theirs fall due). */
export const WARM_UP_NETWORKS = 20;
/** With a warm-up, the 10,000 fall due this long after the bot's start (its warm-up is sent by then). */
const DUE_AFTER_WARM_UP_MS = 30_000;

/**
 * 200 networks' chats spread over `tenants` tenants, each with 50 follow-ups whose first reminder is due now; with
 * `warmUp`, that many more due now in networks of their own, and the 10,000 due DUE_AFTER_WARM_UP_MS later. Returns
 * the warm-up's follow-up ids.
 */
export async function seed(stack: BenchStack, tenants: number, warmUp: number): Promise<Set<string>> {
  const now = new Date(CLOCK_AT);
  const networks = createNetworkRepository(stack.store.containers.networks);
  const conversations = createConversationRepository(stack.store.containers.conversations, () => now);
  const followUps = createFollowUpRepository(stack.store.containers.followUps);
  const ids: string[] = [];
  for (let i = 0; i < NETWORKS + (warmUp ? WARM_UP_NETWORKS : 0); i++) {
    const tenant = `t${i % tenants}`;
    const conversationId = `19:bench-${tenant}-network-${i}@thread.v2`;
    const networkId = `bench-network-${i}`;
    ids.push(networkId);
    await conversations.recordInstall({
      conversationId,
      conversationType: 'groupChat',
      tenantId: tenant,
      serviceUrl: stack.connector.serviceUrl,
      channelId: 'msteams',
      botId: '28:anteckna',
    });
    await networks.createIfAbsent({
      networkId,
      conversationId,
      status: 'active',
      settings: {
        name: `Nätverk ${i}`,
        chairs: [],
        language: 'sv',
        timeZone: 'Europe/Stockholm',
        agendaLeadDays: 7,
      },
      createdAt: CLOCK_AT,
      updatedAt: CLOCK_AT,
    });
  }
  const meetingIds = ids.map(() => randomUUID());
  const warmUpIds = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < REMINDERS + warmUp) {
      const i = next++;
      const inWarmUp = i >= REMINDERS;
      const network = inWarmUp ? NETWORKS + (i % WARM_UP_NETWORKS) : i % NETWORKS;
      const dueAt = new Date(now.getTime() + (inWarmUp || !warmUp ? -60_000 : DUE_AFTER_WARM_UP_MS));
      const followUp: FollowUp = {
        networkId: ids[network]!,
        followUpId: randomUUID(),
        // Follow-ups come from their network's meetings: here one meeting per network (not one each).
        meetingId: meetingIds[network]!,
        owner: { kind: 'organisation', name: 'Kungälv' },
        text: `Uppgift ${i}: återkommer med underlag`,
        due: '2026-11-23',
        status: 'open',
        changes: [],
        revision: 0,
        reminders: { nextAt: dueAt.toISOString(), sent: [] },
        createdBy: '',
        createdAt: CLOCK_AT,
        updatedAt: CLOCK_AT,
      };
      await followUps.create(followUp);
      if (inWarmUp) warmUpIds.add(followUp.followUpId);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return warmUpIds;
}
