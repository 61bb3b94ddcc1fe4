import pino from 'pino';
import { openCosmos, type CosmosConnection } from '../../src/storage/cosmos-connection';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/storage/embedded-cosmos';
import { replaceEachIfUnchanged } from '../../src/storage/replace-each-if-unchanged';

/** Conditional replaces of one partition in one batch, against the embedded Cosmos server through the real SDK. */
describe('replaceEachIfUnchanged', () => {
  let cosmos: EmbeddedCosmos;
  let connection: CosmosConnection;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    connection = await openCosmos(
      {
        kind: 'remote',
        endpoint: cosmos.endpoint,
        key: 'embedded-cosmos-has-no-key',
        trustSelfSigned: true,
        database: 'replace-each-test',
      },
      pino({ level: 'silent' }),
    );
  });

  afterAll(async () => {
    await connection.close();
    await cosmos.close();
  });

  const seed = async (networkId: string, ids: string[]) => {
    const { items } = connection.containers.followUps;
    return Promise.all(
      ids.map(async (id) => {
        const { resource } = await items.create({ id, networkId, text: 'before' });
        return { id, etag: resource?._etag ?? '' };
      }),
    );
  };
  const textOf = async (networkId: string, id: string) =>
    (await connection.containers.followUps.item(id, networkId).read<{ text: string }>()).resource?.text;

  it('replaces every unchanged document in one request and returns their new ETags', async () => {
    const docs = await seed('n-1', ['a', 'b', 'c']);
    const outcomes = await replaceEachIfUnchanged(
      connection.containers.followUps,
      'n-1',
      docs.map(({ id, etag }) => ({ document: { id, networkId: 'n-1', text: 'after' }, etag })),
      'test document',
    );
    expect(outcomes.every((o) => typeof o === 'object' && o.etag !== '')).toBe(true);
    expect(await Promise.all(docs.map(({ id }) => textOf('n-1', id)))).toEqual(['after', 'after', 'after']);
    // The new ETags are the documents' own: a conditional write with them succeeds.
    const again = await replaceEachIfUnchanged(
      connection.containers.followUps,
      'n-1',
      docs.map(({ id }, i) => ({
        document: { id, networkId: 'n-1', text: 'again' },
        etag: (outcomes[i] as { etag: string }).etag,
      })),
      'test document',
    );
    expect(again.every((o) => typeof o === 'object')).toBe(true);
  });

  it('reports a document changed since its ETag as changed and leaves it as the other writer left it', async () => {
    const docs = await seed('n-2', ['a', 'b', 'c']);
    await connection.containers.followUps
      .item('b', 'n-2')
      .replace({ id: 'b', networkId: 'n-2', text: 'theirs' });
    const outcomes = await replaceEachIfUnchanged(
      connection.containers.followUps,
      'n-2',
      docs.map(({ id, etag }) => ({ document: { id, networkId: 'n-2', text: 'ours' }, etag })),
      'test document',
    );
    expect(outcomes[1]).toBe('changed');
    expect(await textOf('n-2', 'b')).toBe('theirs');
    // Cosmos DB would roll the batch back (a: not-done); the embedded server keeps what went before. Either way
    // every outcome says truly what happened to its document, and c, after the failure, was not written.
    expect(outcomes[2]).toBe('not-done');
    expect(await textOf('n-2', 'c')).toBe('before');
    expect(outcomes[0] === 'not-done' ? 'before' : 'ours').toBe(await textOf('n-2', 'a'));
  });
});
