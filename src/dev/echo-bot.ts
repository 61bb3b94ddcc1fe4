import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';

/**
 * The benchmarks' baseline (`npm run bench`): the stock restify + teams-ai stack (teams-ai's own TeamsAdapter, a plain
 * restify server) with no storage and one handler that answers an agenda card's button with a fixed card. What the
 * real bot's answer storm is compared with; nothing of the bot's own code is in it.
 */
function main(): void {
  const adapter = new TeamsAdapter({});
  const app = new Application({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  app.adaptiveCards.actionExecute<unknown>('rsvp.answer', () =>
    Promise.resolve({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Tack för ditt svar.' }],
    }),
  );
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${JSON.stringify({ msg: 'bot listening', port: address.port })}\n`);
  });
}

main();
