import pino from 'pino';
import { createBatchedUpsert } from '../../src/storage/batched-upsert';
import { openCosmos, type CosmosConnection } from '../../src/storage/cosmos-connection';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { TcpProxy } from '../helpers/tcp-proxy';

/** Upserts that arrive together go to the embedded Cosmos server as batches, through the real SDK. */
describe('batched upserts', () => {
  let cosmos: EmbeddedCosmos;
  let proxy: TcpProxy;
  let connection: CosmosConnection;
  let requests: string[];
  let counter = 0;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    proxy = new TcpProxy(Number(new URL(cosmos.endpoint).port));
    await proxy.start();
    connection = await openCosmos(
      {
        kind: 'remote',
        endpoint: `https://127.0.0.1:${proxy.port}/`,
        key: 'embedded-cosmos-has-no-key',
        trustSelfSigned: true,
        database: 'batched-upsert-test',
      },
      pino({ level: 'silent' }),
    );
    const { items } = connection.containers.meetings;
    const batch = items.batch.bind(items);
    items.batch = (operations, partitionKey, options) => {
      requests.push(`${JSON.stringify(partitionKey)}:${operations.length}`);
      return batch(operations, partitionKey, options);
    };
  });

  afterAll(async () => {
    await connection.close();
    await proxy.cut().catch(() => undefined);
    await cosmos.close();
  });

  beforeEach(() => {
    requests = [];
  });

  // Each batch call is recorded as its partition key (JSON) and operation count (the SDK sends one request per call).
  const meetings = () => connection.containers.meetings;

  const stored = async (meetingId: string) => {
    const { resources } = await connection.containers.meetings.items
      .query<{ id: string; n: number }>({
        query: 'SELECT c.id, c.n FROM c WHERE c.meetingId = @m',
        parameters: [{ name: '@m', value: meetingId }],
      })
      .fetchAll();
    return resources;
  };

  it('stores every document of a burst, in batches of at most 100 per partition', async () => {
    const upsert = createBatchedUpsert(meetings());
    const a = `meeting-a-${++counter}`;
    const b = `meeting-b-${counter}`;
    await Promise.all([
      ...Array.from({ length: 250 }, (_, n) =>
        upsert(a, { id: `doc-${n}`, meetingId: a, n } as { id: string }),
      ),
      ...Array.from({ length: 30 }, (_, n) =>
        upsert(b, { id: `doc-${n}`, meetingId: b, n } as { id: string }),
      ),
    ]);

    expect((await stored(a)).map((d) => d.id).sort()).toEqual(
      Array.from({ length: 250 }, (_, n) => `doc-${n}`).sort(),
    );
    expect(await stored(b)).toHaveLength(30);
    const sizes = requests.map((r) => Number(r.split(':').pop()));
    expect(sizes.every((size) => size <= 100)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(280);
    expect(requests.length).toBeLessThan(10);
    expect(requests.filter((r) => r.startsWith(`"${b}"`))).toEqual([`"${b}":30`]);
  });

  it('writes one id upserted twice at once once, with the later document, and settles both callers', async () => {
    const upsert = createBatchedUpsert(meetings());
    const m = `meeting-twice-${++counter}`;
    await Promise.all([
      upsert(m, { id: 'same', meetingId: m, n: 1 } as { id: string }),
      upsert(m, { id: 'same', meetingId: m, n: 2 } as { id: string }),
    ]);
    expect(await stored(m)).toEqual([{ id: 'same', n: 2 }]);
    expect(requests).toEqual([`"${m}":1`]);
  });

  it('rejects every caller of a batch that did not reach Cosmos, and writes again once it answers', async () => {
    const upsert = createBatchedUpsert(meetings());
    const m = `meeting-cut-${++counter}`;
    await proxy.cut();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, n) => upsert(m, { id: `doc-${n}`, meetingId: m, n } as { id: string })),
    );
    await proxy.restore();
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('rejected'));
    expect(await stored(m)).toEqual([]);

    await upsert(m, { id: 'after', meetingId: m, n: 0 } as { id: string });
    expect(await stored(m)).toEqual([{ id: 'after', n: 0 }]);
  }, 60_000);
});
