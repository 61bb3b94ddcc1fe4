import { captureLogs } from '../helpers/test-bot';
import { createRefusalLog } from '../../src/http/refusal-log';

describe('the refused-token log', () => {
  it('logs 20 a minute, counts the rest, and logs the count when the next minute starts', () => {
    const logs = captureLogs();
    let now = Date.parse('2026-12-01T10:00:00Z');
    // The timer never fires here: the next minute's first refusal writes the count.
    const refused = createRefusalLog(
      logs.logger,
      () => new Date(now),
      () => undefined,
    );
    for (let i = 0; i < 1000; i += 1) refused('invalid signature');
    expect(logs.entries.filter((e) => e.msg === 'request refused: token not valid')).toHaveLength(20);
    now += 60_000;
    refused('jwt expired');
    expect(logs.entries.filter((e) => e.msg === 'more requests refused: token not valid')).toEqual([
      expect.objectContaining({ unlogged: 980, since: '2026-12-01T10:00:00.000Z' }),
    ]);
    expect(logs.entries.at(-1)).toMatchObject({ reason: 'jwt expired' });
  });

  it('logs the count when the minute ends, though no request comes after the flood', () => {
    const logs = captureLogs();
    let now = Date.parse('2026-12-01T10:00:00Z');
    const timers: { flush: () => void; ms: number }[] = [];
    const refused = createRefusalLog(
      logs.logger,
      () => new Date(now),
      (flush, ms) => timers.push({ flush, ms }),
    );
    for (let i = 0; i < 100; i += 1) refused('invalid signature');
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    timers[0]!.flush();
    expect(logs.entries.filter((e) => e.msg === 'more requests refused: token not valid')).toEqual([
      expect.objectContaining({ unlogged: 80, since: '2026-12-01T10:00:00.000Z' }),
    ]);
    // Counted once: the next minute's first refusal adds no second summary.
    now += 60_000;
    refused('jwt expired');
    expect(logs.entries.filter((e) => e.msg === 'more requests refused: token not valid')).toHaveLength(1);
  });

  it('shows no token or key in the reason', () => {
    const logs = captureLogs();
    const refused = createRefusalLog(logs.logger, () => new Date());
    const token = `${'a'.repeat(40)}.${'b'.repeat(60)}.${'c'.repeat(40)}`;
    refused(`bad token ${token} with -----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----`);
    const text = JSON.stringify(logs.entries);
    expect(text).not.toContain('a'.repeat(40));
    expect(text).not.toContain('BEGIN');
  });
});
