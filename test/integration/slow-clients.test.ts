import { connect, type Socket } from 'node:net';
import { eventually } from '../helpers/eventually';
import { startTestBot } from '../helpers/test-bot';

/** A client that sends the start of a request's headers, then a byte now and then, never finishing them. */
function trickle(port: number): { socket: Socket; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
  const timer = setInterval(() => socket.writable && socket.write('a'), 50);
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve();
    }),
  );
  return { socket, closed };
}

describe('slow clients', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    // The production limits, shortened so the test takes a second (the defaults are 10 s for headers).
    bot = await startTestBot({}, undefined, undefined, {
      connectionLimits: {
        headersTimeoutMs: 500,
        requestTimeoutMs: 1000,
        checkEveryMs: 100,
        maxConnections: 40,
      },
    });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('closes clients that trickle their headers, takes no more than the maximum at once, and still serves', async () => {
    const started = Date.now();
    const slow = Array.from({ length: 60 }, () => trickle(bot.port));
    let closedCount = 0;
    for (const { closed } of slow) void closed.then(() => (closedCount += 1));
    // Over the maximum: those are closed at once.
    await eventually('the connections over the maximum to be closed', () => closedCount >= 20, 2_000);
    // The rest are closed once their headers take longer than allowed.
    await Promise.all(slow.map(({ closed }) => closed));
    expect(Date.now() - started).toBeLessThan(3_000);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
