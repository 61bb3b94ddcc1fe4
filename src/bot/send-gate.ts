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
 * A 429's Retry-After pushes the tenant's next slot back for everyone.
 */
export class SendGate {
  private readonly nextSlot = new Map<string, number>();

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
    if (this.nextSlot.size > 10_000) this.forgetPast(now);
  }

  /** Teams said to wait: nothing more to this tenant before `ms` from now. */
  pause(tenantId: string, ms: number): void {
    const key = `t:${tenantId}`;
    this.nextSlot.set(key, Math.max(this.nextSlot.get(key) ?? 0, this.now() + ms));
  }

  private forgetPast(now: number): void {
    for (const [key, slot] of this.nextSlot) if (slot < now) this.nextSlot.delete(key);
  }
}
