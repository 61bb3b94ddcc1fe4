import pino from 'pino';
import { createTenantSendLeases, LEASE_MS } from '../../src/bot/tenant-send-leases';
import type { TenantLease, TenantLeaseRepository } from '../../src/storage/tenant-lease-repository';
import type { Versioned } from '../../src/storage/versioned-store';
import { virtualTime } from '../helpers/virtual-time';

/** Leases in memory with Cosmos' rules: create once, replace only with the ETag read. */
function memoryLeases() {
  const docs = new Map<string, Versioned<TenantLease>>();
  let version = 0;
  const put = (lease: TenantLease) => {
    const saved = { value: { ...lease }, etag: `e${++version}` };
    docs.set(lease.tenantId, saved);
    return saved;
  };
  const repository: TenantLeaseRepository = {
    get: (tenantId) => Promise.resolve(docs.get(tenantId)),
    create: (lease) => Promise.resolve(docs.has(lease.tenantId) ? 'taken' : put(lease)),
    replace: (lease, etag) =>
      Promise.resolve(docs.get(lease.tenantId)?.etag === etag ? put(lease) : ('taken' as const)),
  };
  return { repository, docs };
}

const logger = pino({ level: 'silent' });

describe('tenant send leases', () => {
  const setUp = () => {
    const time = virtualTime(Date.parse('2026-12-01T09:00:00Z'));
    const store = memoryLeases();
    const instance = (instanceId: string) =>
      createTenantSendLeases({
        leases: store.repository,
        instanceId,
        now: time.now,
        sleep: time.sleep,
        timer: false,
        logger,
      });
    return { time, store, a: instance('a'), b: instance('b') };
  };

  it('lets one instance send to a tenant while the other waits, and hands over when the first is done', async () => {
    const { time, a, b } = setUp();
    await time.run(a.hold('t1'));
    let bSince: number | undefined;
    const bWaits = b.hold('t1').then(() => (bSince = time.now()));
    // A keeps sending for 3 s: B waits all along.
    const aSends = (async () => {
      for (let i = 0; i < 30; i += 1) {
        await a.hold('t1');
        await time.sleep(100);
      }
    })();
    await time.run(aSends);
    const aLast = time.now();
    expect(bSince).toBeUndefined();
    // A has nothing more for t1: it lets go once idle, and B may send a second after A's last send at the earliest.
    time.stall(1_600);
    await time.run(a.letGoIdle());
    await time.run(bWaits);
    expect(bSince! - aLast).toBeGreaterThanOrEqual(1_000);
    expect(bSince! - aLast).toBeLessThan(1_600 + 1_200 + 600);
  });

  it('tryHold takes a free tenant, and says no at once while another instance holds it', async () => {
    const { time, a, b } = setUp();
    expect(await time.run(a.tryHold('t1'))).toBe(true);
    const start = time.now();
    expect(await time.run(b.tryHold('t1'))).toBe(false);
    expect(time.now()).toBe(start);
    expect(await time.run(a.tryHold('t1'))).toBe(true);
    expect(await time.run(b.tryHold('t2'))).toBe(true);
  });

  it('sends to other tenants meanwhile', async () => {
    const { time, a, b } = setUp();
    await time.run(a.hold('t1'));
    const start = time.now();
    await time.run(b.hold('t2'));
    expect(time.now()).toBe(start);
  });

  it('renews its lease while it sends, so it never runs out under it', async () => {
    const { time, store, a, b } = setUp();
    let bGot = false;
    await time.run(a.hold('t1'));
    for (let i = 0; i < 100; i += 1) {
      await time.run(a.hold('t1'));
      await time.run(time.sleep(LEASE_MS / 10));
      expect(Date.parse(store.docs.get('t1')!.value.until)).toBeGreaterThan(time.now());
    }
    // Ten lease periods on, B still waits for A, which is still sending.
    void b.hold('t1').then(() => (bGot = true));
    await time.run(time.sleep(LEASE_MS / 10));
    expect(bGot).toBe(false);
  });

  it('takes over a tenant whose holder died, once its lease has run out', async () => {
    const { time, a, b } = setUp();
    await time.run(a.hold('t1'));
    const diedAt = time.now();
    // A dies: it neither sends nor lets go.
    await time.run(b.hold('t1'));
    expect(time.now() - diedAt).toBeGreaterThanOrEqual(LEASE_MS);
    expect(time.now() - diedAt).toBeLessThanOrEqual(LEASE_MS + 600);
  });

  it('lets go of everything at shutdown, so the next instance does not wait for the leases to run out', async () => {
    const { time, a, b } = setUp();
    await time.run(a.hold('t1'));
    await time.run(a.hold('t2'));
    await time.run(a.releaseAll());
    const released = time.now();
    await time.run(Promise.all([b.hold('t1'), b.hold('t2')]));
    expect(time.now() - released).toBeLessThan(2_000);
  });
});
