import { recently } from '../../src/storage/recent-reads';

describe('recently', () => {
  it('shares one read among everyone asking within the period, then reads again', async () => {
    let reads = 0;
    let now = 1_000;
    const read = recently(
      (key) => Promise.resolve(`${key}:${++reads}`),
      50,
      () => now,
    );
    expect(await Promise.all([read('a'), read('a'), read('a')])).toEqual(['a:1', 'a:1', 'a:1']);
    expect(await read('b')).toBe('b:2');
    now += 49;
    expect(await read('a')).toBe('a:1');
    now += 2;
    expect(await read('a')).toBe('a:3');
  });

  it('does not keep a failed read', async () => {
    let calls = 0;
    const read = recently(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('storage down')) : Promise.resolve('ok');
    }, 10_000);
    await expect(read('a')).rejects.toThrow('storage down');
    expect(await read('a')).toBe('ok');
  });

  it('keeps a later read when an earlier one of the same key fails after it was replaced', async () => {
    let fail = (_error: Error): void => undefined;
    const first = new Promise<string>((_resolve, reject) => (fail = reject));
    const read = recently(() => Promise.resolve('fresh'), 10_000);
    read.prime('a', first);
    read.prime('a', Promise.resolve('primed'));
    fail(new Error('late failure'));
    await first.catch(() => undefined);
    expect(await read('a')).toBe('primed');
  });

  it('keeps at most 1,000 keys, dropping the least recently read', async () => {
    let reads = 0;
    const read = recently((key) => {
      reads += 1;
      return Promise.resolve(key);
    }, 60_000);
    for (let i = 0; i <= 1000; i++) await read(`k${i}`);
    expect(reads).toBe(1001);
    await read('k1000');
    expect(reads).toBe(1001);
    await read('k0');
    expect(reads).toBe(1002);
  });
});
