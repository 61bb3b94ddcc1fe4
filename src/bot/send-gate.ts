/** Sends allowed per second: Teams allows a bot 7 messages/s per conversation and 50 requests/s per tenant. */
export interface SendRates {
  perConversation: number;
  perTenant: number;
}

export const TEAMS_SEND_RATES: SendRates = { perConversation: 7, perTenant: 50 };

/**
 * A send let out this much later than its turn (a timer that fired late, a busy event loop) does not push the
 * later sends back, so ordinary lateness does not add up into a lower rate. The price: a send may follow a late one
 * this much sooner, so a second can hold one send more than the rate (the configured rates sit under Teams' limits
 * for that and for arrival jitter: 48 of 50 and 6.8 of 7 leave about 30 ms and 20 ms).
 */
export const LATENESS_FORGIVEN_MS = 10;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces this instance's sends so no conversation gets more than `perConversation` and no tenant more than
 * `perTenant` a second. Two steps:
 *
 * - `take` books a slot (a burst is queued, not refused): the conversation's next slot, then the tenant's first
 *   free slot at or after it. A send whose conversation must wait leaves the tenant's earlier slots to sends to
 *   other conversations, so a tenant with a few busy chats still gets its full rate.
 * - `admit`, right before the request, holds it to its key's schedule by the time it really goes (a generic cell
 *   rate algorithm: at most one send per spacing, a send late by up to LATENESS_FORGIVEN_MS not moving the rest).
 *   Timers that fire late together, or work between the slot and the request (a claim re-read), do not become a
 *   burst. A 429's Retry-After pauses the tenant, for sends already booked too.
 */
export class SendGate {
  /** Per conversation, its next free slot (a conversation's sends go in order). */
  private readonly nextSlot = new Map<string, number>();
  /** Per tenant, the slots booked (slot n begins n × spacing ms after the epoch) and a Retry-After's end. */
  private readonly tenantSlots = new Map<string, { booked: Set<number>; pausedUntil: number }>();
  /** Per key, when its next send is due by the schedule (the theoretical arrival time). */
  private readonly dueAt = new Map<string, number>();

  constructor(
    private readonly rates: SendRates = TEAMS_SEND_RATES,
    private readonly now: () => number = Date.now,
  ) {}

  private tenant(tenantId: string): { booked: Set<number>; pausedUntil: number } {
    let slots = this.tenantSlots.get(tenantId);
    if (!slots) {
      slots = { booked: new Set(), pausedUntil: 0 };
      this.tenantSlots.set(tenantId, slots);
    }
    return slots;
  }

  /** Waits for a slot for one request to `conversationId` in `tenantId`. */
  async take(tenantId: string, conversationId: string): Promise<void> {
    const now = this.now();
    const conversation = `c:${conversationId}`;
    const earliest = Math.max(now, this.nextSlot.get(conversation) ?? 0);
    const spacing = 1000 / this.rates.perTenant;
    const slots = this.tenant(tenantId);
    let n = Math.ceil(Math.max(earliest, slots.pausedUntil) / spacing);
    while (slots.booked.has(n)) n += 1;
    slots.booked.add(n);
    const slot = n * spacing;
    // The conversation's next slot counts from the one finally taken, so both limits hold however busy the tenant.
    this.nextSlot.set(conversation, slot + 1000 / this.rates.perConversation);
    if (slot > now) await sleep(slot - now);
    if (this.nextSlot.size > 10_000 || slots.booked.size > 10_000) this.forgetPast(this.now());
  }

  /**
   * Right before the request goes out (after `take` and anything done between): waits out a pause and until the
   * tenant's and the conversation's schedules let one more go, then counts it.
   */
  async admit(tenantId: string, conversationId: string): Promise<void> {
    const keys: [string, number][] = [
      [`t:${tenantId}`, 1000 / this.rates.perTenant],
      [`c:${conversationId}`, 1000 / this.rates.perConversation],
    ];
    // Every waiter checks on waking; a line per tenant was tried and lost throughput: a send whose conversation
    // was not yet free blocked everyone behind it.
    for (;;) {
      const now = this.now();
      let wait = this.tenant(tenantId).pausedUntil - now;
      for (const [key] of keys)
        wait = Math.max(wait, (this.dueAt.get(key) ?? 0) - LATENESS_FORGIVEN_MS - now);
      if (wait <= 0) {
        for (const [key, spacing] of keys)
          this.dueAt.set(key, Math.max(this.dueAt.get(key) ?? 0, now) + spacing);
        return;
      }
      await sleep(wait);
    }
  }

  /** Teams said to wait: nothing more to this tenant before `ms` from now. */
  pause(tenantId: string, ms: number): void {
    const slots = this.tenant(tenantId);
    slots.pausedUntil = Math.max(slots.pausedUntil, this.now() + ms);
  }

  private forgetPast(now: number): void {
    for (const [key, slot] of this.nextSlot) if (slot < now) this.nextSlot.delete(key);
    for (const [key, due] of this.dueAt) if (due < now) this.dueAt.delete(key);
    const past = Math.floor(now / (1000 / this.rates.perTenant));
    for (const [tenantId, slots] of this.tenantSlots) {
      for (const n of slots.booked) if (n < past) slots.booked.delete(n);
      if (slots.booked.size === 0 && slots.pausedUntil < now) this.tenantSlots.delete(tenantId);
    }
  }
}
