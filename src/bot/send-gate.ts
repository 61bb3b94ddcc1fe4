import { setTimeout as sleepFor } from 'node:timers/promises';
/** Sends allowed per second: Teams allows a bot 7 messages/s per conversation and 50 requests/s per tenant. */
export interface SendRates {
  perConversation: number;
  perTenant: number;
}

export const TEAMS_SEND_RATES: SendRates = { perConversation: 7, perTenant: 50 };

/**
 * Teams counts its limits per second as requests arrive; `admit` never lets more go in any window this long than
 * fit in Teams' second: 20 ms more for arrivals that come closer together than counted (each send counts from when
 * it left, its answer less the quickest recent round trip; this covers jitter on the way beyond that). At the
 * default 49/s the slots are 1,020.4 ms per 50, so this check seldom holds a send back.
 */
export const SAFE_WINDOW_MS = 1020;

/** How many of the latest round trips the quickest is taken from. */
export const ROUND_TRIPS_KEPT = 64;

/**
 * Spaces this instance's sends so no conversation gets more than `perConversation` and no tenant more than
 * `perTenant` a second. Two steps:
 *
 * - `take` books a slot (a burst is queued, not refused): the conversation's next slot, then the tenant's first
 *   free slot at or after it. A send whose conversation must wait leaves the tenant's earlier slots to sends to
 *   other conversations, so a tenant with a few busy chats still gets its full rate.
 * - `admit`, right before the request, counts what really went: per key no more in any SAFE_WINDOW_MS than its rate
 *   allows in that long, rounded up (at most Teams' limit), and none within half its spacing of the one before.
 *   The slots keep the pace; this only holds back sends that would bunch (timers that fire late together, work
 *   between the slot and the request). A late send does not push the later ones back, so lateness does not add up
 *   into a lower rate (a check against the pace itself would lose every late wake-up for good). A send counts from
 *   when it left (see `admit`). A 429's Retry-After pauses the tenant, for sends already booked too.
 */
export class SendGate {
  /** Per conversation, its next free slot (a conversation's sends go in order). */
  private readonly nextSlot = new Map<string, number>();
  /** Per tenant, the slots booked (slot n begins n × spacing ms after the epoch) and a Retry-After's end. */
  private readonly tenantSlots = new Map<string, { booked: Set<number>; pausedUntil: number }>();
  /**
   * Per key, when its latest sends went: a ring as long as the key's count per window, `next` its oldest; `gap` the
   * least time between two of its sends.
   */
  private readonly sent = new Map<string, { at: number[]; next: number; gap: number }>();
  /** The latest requests' round trips (ms), for when a send really left (see `admit`); grows to ROUND_TRIPS_KEPT. */
  private readonly roundTrips: number[] = [];
  private roundTripNext = 0;

  constructor(
    private readonly rates: SendRates = TEAMS_SEND_RATES,
    private readonly now: () => number = Date.now,
    /** Teams' limits, which `admit` never exceeds (tests give smaller ones). */
    private readonly limits: SendRates = TEAMS_SEND_RATES,
    /** How the gate waits, on the same clock as `now` (tests run it on virtual time). */
    private readonly sleep: (ms: number) => Promise<unknown> = sleepFor,
  ) {}

  /**
   * A key's latest sends: at most as many may go in any SAFE_WINDOW_MS as the ring holds, and none sooner than half
   * its spacing after the one before, so sends that fell behind catch up at twice the rate, not all at once (a
   * burst let out together reaches the wire spread over the time the process takes to send each, so its arrivals
   * would come closer to those a window later than counted).
   */
  private sentTo(key: string, rate: number, limit: number): { at: number[]; next: number; gap: number } {
    let ring = this.sent.get(key);
    if (!ring) {
      const most = Math.max(1, Math.min(limit, Math.ceil((rate * SAFE_WINDOW_MS) / 1000)));
      ring = { at: Array.from({ length: most }, () => -Infinity), next: 0, gap: 500 / rate };
      this.sent.set(key, ring);
    }
    return ring;
  }

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
    if (slot > now) await this.sleep(slot - now);
    if (this.nextSlot.size > 10_000 || this.sent.size > 10_000 || slots.booked.size > 10_000)
      this.forgetPast(this.now());
  }

  /**
   * Right before the request goes out (after `take` and anything done between): waits out a pause and until one
   * more to the tenant and to the conversation keeps each within its count per SAFE_WINDOW_MS, then counts it.
   * Call what it returns once the request is answered (or failed): the send then counts from when it really left,
   * its answer less the quickest of the latest round trips, so a process that stalled between letting it out and
   * writing it to the wire (a long garbage collection) does not have it arrive closer to the sends a window later
   * than counted; never earlier than it was let out. Until ROUND_TRIPS_KEPT round trips are known a send counts
   * from its answer: a fresh process's first requests are all slow (connections opened, code not yet optimised), so
   * the quickest of them says nothing of how long a request waited before it went.
   */
  async admit(tenantId: string, conversationId: string): Promise<() => void> {
    // Every waiter checks on waking, not a line per tenant: in a line a send whose conversation is not yet free
    // would block every send behind it.
    for (;;) {
      const now = this.now();
      const rings = [
        this.sentTo(`t:${tenantId}`, this.rates.perTenant, this.limits.perTenant),
        this.sentTo(`c:${conversationId}`, this.rates.perConversation, this.limits.perConversation),
      ];
      let wait = this.tenant(tenantId).pausedUntil - now;
      for (const { at, next, gap } of rings) {
        const latest = at[(next + at.length - 1) % at.length]!;
        wait = Math.max(wait, at[next]! + SAFE_WINDOW_MS - now, latest + gap - now);
      }
      if (wait <= 0) {
        const places = rings.map((ring) => {
          const place = { ring, index: ring.next };
          ring.at[ring.next] = now;
          ring.next = (ring.next + 1) % ring.at.length;
          return place;
        });
        return () => this.answered(now, places);
      }
      await this.sleep(wait);
    }
  }

  /** A send let out at `letOut` was answered: it counts from when it left (see `admit`). */
  private answered(letOut: number, places: { ring: { at: number[] }; index: number }[]): void {
    const now = this.now();
    this.roundTrips[this.roundTripNext] = now - letOut;
    this.roundTripNext = (this.roundTripNext + 1) % ROUND_TRIPS_KEPT;
    const left =
      this.roundTrips.length < ROUND_TRIPS_KEPT ? now : Math.max(letOut, now - Math.min(...this.roundTrips));
    // Unless its place was taken meanwhile (a request that took longer than the window).
    for (const { ring, index } of places) if (ring.at[index] === letOut) ring.at[index] = left;
  }

  /** Teams said to wait: nothing more to this tenant before `ms` from now. */
  pause(tenantId: string, ms: number): void {
    const slots = this.tenant(tenantId);
    slots.pausedUntil = Math.max(slots.pausedUntil, this.now() + ms);
  }

  private forgetPast(now: number): void {
    for (const [key, slot] of this.nextSlot) if (slot < now) this.nextSlot.delete(key);
    for (const [key, ring] of this.sent)
      if (Math.max(...ring.at) <= now - SAFE_WINDOW_MS) this.sent.delete(key);
    const past = Math.floor(now / (1000 / this.rates.perTenant));
    for (const [tenantId, slots] of this.tenantSlots) {
      for (const n of slots.booked) if (n < past) slots.booked.delete(n);
      if (slots.booked.size === 0 && slots.pausedUntil < now) this.tenantSlots.delete(tenantId);
    }
  }
}
