import type { TurnContext } from 'botbuilder';
import { createAdapter } from '../../src/bot/create-adapter';

/** The clients botbuilder puts on a turn, for an unauthenticated message from `serviceUrl`. */
async function clientsOfTurn(
  adapter: ReturnType<typeof createAdapter>,
  serviceUrl: string,
): Promise<{ connector: unknown; tokens: unknown; status: number }> {
  let connector: unknown;
  let tokens: unknown;
  let status = 0;
  const body = {
    type: 'message',
    id: 'a1',
    channelId: 'msteams',
    serviceUrl,
    text: 'hej',
    from: { id: '29:user' },
    recipient: { id: '28:bot' },
    conversation: { id: '19:chat@thread.v2' },
  };
  const response = {
    socket: {},
    status: (code: number) => void (status = code),
    header: () => undefined,
    send: () => undefined,
    end: () => undefined,
  };
  await adapter.process({ body, headers: {}, method: 'POST' }, response, (context: TurnContext) => {
    connector = context.turnState.get(adapter.ConnectorClientKey);
    tokens = context.turnState.get(adapter.UserTokenClientKey);
    return Promise.resolve();
  });
  return { connector, tokens, status };
}

describe('connector clients reused across turns', () => {
  it('gives every turn from one service URL the same connector and token clients', async () => {
    const adapter = createAdapter(undefined);
    const first = await clientsOfTurn(adapter, 'https://smba.trafficmanager.net/emea/');
    const second = await clientsOfTurn(adapter, 'https://smba.trafficmanager.net/emea/');
    expect(first.status).toBe(200);
    expect(first.connector).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.tokens).toBe(first.tokens);
  });

  it('gives another service URL its own connector, pointed at that URL', async () => {
    const adapter = createAdapter(undefined);
    const emea = await clientsOfTurn(adapter, 'https://smba.trafficmanager.net/emea/');
    const amer = await clientsOfTurn(adapter, 'https://smba.trafficmanager.net/amer/');
    expect(amer.connector).not.toBe(emea.connector);
    expect((amer.connector as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/amer/');
    expect((emea.connector as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/emea/');
  });

  it('keeps adapters apart', async () => {
    const one = await clientsOfTurn(createAdapter(undefined), 'https://smba.trafficmanager.net/emea/');
    const other = await clientsOfTurn(createAdapter(undefined), 'https://smba.trafficmanager.net/emea/');
    expect(other.connector).not.toBe(one.connector);
  });
});
