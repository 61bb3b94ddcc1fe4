/** Sends allowed per second: Teams allows a bot 7 messages/s per conversation and 50 requests/s per tenant. */
export interface SendRates {
  perConversation: number;
  perTenant: number;
}

export const TEAMS_SEND_RATES: SendRates = { perConversation: 7, perTenant: 50 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces this instance's sends so no conversation gets more than `perConversation` and no tenant more than
 * `perTenant` a second: each key hands out the next free slot (1/rate apart), so a burst is queued, not refused.
 * Teams counts sends in any one second, and timers that fire late (a busy event loop) or work between the slot
 * and the request (a claim re-read) let slotted sends out together, so `admit`, right before the request, counts
 * the last second's sends too (at most the rate, rounded up) and waits until one more fits. A 429's Retry-After pushes the tenant's next slot back for everyone.
 */
export class SendGate {
  private readonly nextSlot = new Map<string, number>();
  /** When the sends of the last second went, per key, oldest first. */
  private readonly sentAt = new Map<string, number[]>();

  constructor(
    private readonly rates: SendRates = TEAMS_SEND_RATES,
    private readonly now: () => number = Date.now,
  ) {}

  private reserve(key: string, perSecond: number, from: number): number {
    const slot = Math.max(from, this.nextSlot.get(key) ?? 0);
    this.nextSlot.set(key, slot + 1000 / perSecond);
    return slot;
  }

  /** Waits for a slot for one request to `conversationId` in `tenantId`. */
  async take(tenantId: string, conversationId: string): Promise<void> {
    const now = this.now();
    // The conversation's earliest slot, then the tenant's at or after it; the conversation's next slot counts from
    // the one finally taken, so both limits hold however busy the tenant is.
    const conversation = `c:${conversationId}`;
    const earliest = Math.max(now, this.nextSlot.get(conversation) ?? 0);
    const slot = this.reserve(`t:${tenantId}`, this.rates.perTenant, earliest);
    this.nextSlot.set(conversation, slot + 1000 / this.rates.perConversation);
    if (slot > now) await sleep(slot - now);
    if (this.nextSlot.size > 10_000) this.forgetPast(this.now());
  }

  /**
   * Right before the request goes out (after `take` and anything done between, such as re-reading a claim): waits
   * until one more send fits the last second's count for the tenant and the conversation, then counts it.
   */
  admit(tenantId: string, conversationId: string): Promise<void> {
    return this.withinLastSecond([
      [`t:${tenantId}`, Math.ceil(this.rates.perTenant)],
      [`c:${conversationId}`, Math.ceil(this.rates.perConversation)],
    ]);
  }

  /** Waits until one more send fits every key's count for the last second, then counts it (no await between). */
  private async withinLastSecond(keys: [key: string, most: number][]): Promise<void> {
    for (;;) {
      const now = this.now();
      let wait = 0;
      for (const [key, most] of keys) {
        const log = this.sentAt.get(key) ?? [];
        while (log.length > 0 && now - log[0]! >= 1000) log.shift();
        this.sentAt.set(key, log);
        if (log.length >= most) wait = Math.max(wait, log[log.length - most]! + 1000 - now);
      }
      if (wait <= 0) {
        for (const [key] of keys) this.sentAt.get(key)!.push(now);
        return;
      }
      await sleep(wait);
    }
  }

  /** Teams said to wait: nothing more to this tenant before `ms` from now. */
  pause(tenantId: string, ms: number): void {
    const key = `t:${tenantId}`;
    this.nextSlot.set(key, Math.max(this.nextSlot.get(key) ?? 0, this.now() + ms));
  }

  private forgetPast(now: number): void {
    for (const [key, slot] of this.nextSlot) if (slot < now) this.nextSlot.delete(key);
    for (const [key, log] of this.sentAt)
      if ((log[log.length - 1] ?? 0) < now - 1000) this.sentAt.delete(key);
  }
}
