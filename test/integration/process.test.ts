import { eventually } from '../helpers/eventually';
import { ConnectorStub } from '../helpers/connector-stub';
import { listeningPort, spawnBot } from '../helpers/bot-process';
import { teamsActivity } from '../helpers/teams-activity';
import { postActivity } from '../helpers/test-bot';

describe('the bot process', () => {
  it('refuses to start in production without bot credentials, naming the missing settings', async () => {
    const bot = spawnBot({
      NODE_ENV: 'production',
      COSMOS_ENDPOINT: 'https://anteckna.documents.azure.com:443/',
    });
    expect(await bot.exit).toBe(1);
    const message = bot.stderr.join('');
    expect(message).toMatch(/BOT_ID: required when NODE_ENV=production/);
    expect(message).toMatch(/BOT_PASSWORD: required/);
    expect(message).toMatch(/BOT_TENANT_ID: required/);
    expect(message).not.toMatch(/COSMOS_ENDPOINT/);
    expect(bot.stdout.some((line) => line.includes('bot listening'))).toBe(false);
  });

  it('on SIGTERM stops accepting, finishes the turn in flight, and exits 0', async () => {
    const connector = new ConnectorStub();
    await connector.start();
    connector.delayMs = 1500;
    const bot = spawnBot({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '10000',
    });
    try {
      const port = await listeningPort(bot);
      const url = `http://127.0.0.1:${port}`;
      const inFlight = postActivity(
        { url },
        teamsActivity('message-group-chat-mention', connector.serviceUrl),
      );
      // A request of the turn has reached the slow connector: the turn is in flight.
      await connector.waitForArrivals(1);
      bot.child.kill('SIGTERM');
      await eventually('the bot to stop accepting connections', () =>
        fetch(`${url}/healthz`).then(
          () => false,
          () => true,
        ),
      );

      const answered = await inFlight;
      expect(answered.status).toBe(200);
      expect(connector.sent).toHaveLength(1);
      expect(await bot.exit).toBe(0);
      expect(bot.stdout.some((line) => line.includes('"bot stopped"'))).toBe(true);
    } finally {
      bot.child.kill('SIGKILL');
      await connector.stop();
    }
  });
});
