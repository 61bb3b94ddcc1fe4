import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { TenantLease, TenantLeaseRepository } from '../storage/tenant-lease-repository';
import type { Versioned } from '../storage/versioned-store';
import { SAFE_WINDOW_MS } from './send-gate';

/** How long a lease lasts when written; a dead instance's tenants go to another within this. */
export const LEASE_MS = 10_000;
/** A lease with less than this left is renewed before the next send. */
const RENEW_WHEN_LEFT_MS = LEASE_MS / 2;
/** A tenant this instance has not sent to for this long is let go, for the other instances' reminders. */
const IDLE_MS = 1_500;
/**
 * A lease let go is free only after this long: every send of the instance that had it has then left a second
 * before the next holder's first, so the two never fall in one of Teams' seconds.
 */
const HANDOFF_MS = SAFE_WINDOW_MS + 100;
/** How often an instance waiting for a tenant another holds looks again. */
const POLL_MS = 500;

interface Held {
  lease: Versioned<TenantLease>;
  /** Epoch ms of the last send this instance was let through for the tenant. */
  lastUse: number;
  renewing?: Promise<boolean>;
}

export interface TenantSendLeases {
  /**
   * Resolves once this instance may send to the tenant: it holds the tenant's lease in Cosmos (taken, or renewed
   * when it runs low). While another live instance holds it, waits. Call right before each send.
   */
  hold(tenantId: string): Promise<void>;
  /** Whether this instance holds the tenant's lease now, taking it if it is free; never waits. */
  tryHold(tenantId: string): Promise<boolean>;
  /** Lets go of every lease (at shutdown), so others need not wait for them to run out. */
  releaseAll(): Promise<void>;
  /** Lets go of the tenants not sent to for a while; runs by itself every half second (tests call it). */
  letGoIdle(): Promise<void>;
}

/**
 * Teams allows 50 requests a second per app per tenant and 7 messages per conversation, whatever the number of bot
 * instances; each instance's send gate paces only its own sends. So one instance at a time sends to a tenant, under
 * a lease in Cosmos it renews while it sends and lets go when it has nothing more for that tenant; the others send
 * to other tenants meanwhile and take a lease over once it runs out (a dead instance). A tenant's ceiling is never
 * split between instances, and no setting depends on how many there are.
 */
export function createTenantSendLeases(deps: {
  leases: TenantLeaseRepository;
  instanceId: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
  /** Whether idle tenants are let go by a timer (tests on virtual time call letGoIdle themselves). */
  timer?: boolean;
  logger: Logger;
}): TenantSendLeases {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? sleepFor;
  const held = new Map<string, Held>();
  const iso = (ms: number): string => new Date(ms).toISOString();

  /** Writes the lease for this instance over `current` (or creates it); false when another got there first. */
  const write = async (tenantId: string, current: Versioned<TenantLease> | undefined): Promise<boolean> => {
    const lease = { tenantId, holder: deps.instanceId, until: iso(now() + LEASE_MS) };
    const saved = current ? await deps.leases.replace(lease, current.etag) : await deps.leases.create(lease);
    if (saved === 'taken') {
      held.delete(tenantId);
      return false;
    }
    const known = held.get(tenantId);
    if (known) known.lease = saved;
    else held.set(tenantId, { lease: saved, lastUse: now() });
    return true;
  };

  /** One renewal at a time per tenant, shared by every send waiting on it. */
  const renew = (tenantId: string, mine: Held): Promise<boolean> => {
    mine.renewing ??= write(tenantId, mine.lease).finally(() => (mine.renewing = undefined));
    return mine.renewing;
  };

  const letGo = async (tenantId: string, mine: Held): Promise<void> => {
    held.delete(tenantId);
    const release = { tenantId, holder: deps.instanceId, until: iso(now() + HANDOFF_MS) };
    try {
      await deps.leases.replace(release, mine.lease.etag);
    } catch (error) {
      // It runs out by itself; meanwhile the others wait a little longer.
      deps.logger.warn({ err: error, tenantId }, 'tenant lease not let go');
    }
  };

  const letGoIdle = async (): Promise<void> => {
    const idleOnes = [...held].filter(([, mine]) => !mine.renewing && now() - mine.lastUse > IDLE_MS);
    await Promise.all(idleOnes.map(([tenantId, mine]) => letGo(tenantId, mine)));
  };
  const idle = deps.timer === false ? undefined : setInterval(() => void letGoIdle(), IDLE_MS / 3);
  idle?.unref();

  /** Takes the lease if no live instance holds it; one attempt at a time per tenant, shared by all who ask. */
  const taking = new Map<string, Promise<{ ok: true } | { ok: false; until: number }>>();
  const take = (tenantId: string): Promise<{ ok: true } | { ok: false; until: number }> => {
    let attempt = taking.get(tenantId);
    if (!attempt) {
      attempt = takeOnce(tenantId).finally(() => taking.delete(tenantId));
      taking.set(tenantId, attempt);
    }
    return attempt;
  };
  /** Tenants another instance was found to hold, and until when not to ask Cosmos again (at most POLL_MS). */
  const heldElsewhere = new Map<string, number>();
  const takeOnce = async (tenantId: string): Promise<{ ok: true } | { ok: false; until: number }> => {
    const known = held.get(tenantId);
    if (known) return { ok: true };
    const askAgainAt = heldElsewhere.get(tenantId) ?? 0;
    if (askAgainAt > now()) return { ok: false, until: askAgainAt };
    const current = await deps.leases.get(tenantId);
    const until = current ? Date.parse(current.value.until) : 0;
    const free = !current || current.value.holder === deps.instanceId || until <= now();
    if (free && (await write(tenantId, current))) {
      held.get(tenantId)!.lastUse = now();
      if (current && current.value.holder !== deps.instanceId)
        deps.logger.debug({ tenantId, from: current.value.holder }, 'tenant lease taken');
      return { ok: true };
    }
    if (free) return { ok: false, until: now() };
    // A run asks once per group of reminders: one read answers them all for a while.
    const next = Math.min(until, now() + POLL_MS);
    heldElsewhere.set(tenantId, next);
    return { ok: false, until: next };
  };

  /** Still this instance's for long enough to send: renewed when it runs low; false when it was lost. */
  const stillHeld = async (tenantId: string, mine: Held): Promise<boolean> => {
    const left = Date.parse(mine.lease.value.until) - now();
    if (left > RENEW_WHEN_LEFT_MS || (left > HANDOFF_MS && (await renew(tenantId, mine)))) {
      mine.lastUse = now();
      return true;
    }
    if (held.get(tenantId) === mine) held.delete(tenantId);
    return false;
  };

  return {
    async hold(tenantId) {
      for (;;) {
        const mine = held.get(tenantId);
        if (mine && (await stillHeld(tenantId, mine))) return;
        if (mine) continue;
        const taken = await take(tenantId);
        if (taken.ok) return;
        await sleep(Math.min(POLL_MS, Math.max(10, taken.until - now())));
      }
    },

    async tryHold(tenantId) {
      const mine = held.get(tenantId);
      if (mine && (await stillHeld(tenantId, mine))) return true;
      return (await take(tenantId)).ok;
    },

    letGoIdle,

    async releaseAll() {
      clearInterval(idle);
      await Promise.all([...held].map(([tenantId, mine]) => letGo(tenantId, mine)));
    },
  };
}
