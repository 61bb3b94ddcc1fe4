import type { TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { createAdapter } from '../../src/bot/create-adapter';
import { ownRetriesAndTimeout, TIMEOUT_POLICY } from '../../src/bot/botbuilder-internals';

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

/** Policy names on the connector client botbuilder gives a proactive turn, after `change` ran on that turn. */
async function proactivePolicies(
  change: (context: TurnContext) => void = () => undefined,
): Promise<string[]> {
  const adapter = createAdapter(undefined);
  let names: string[] = [];
  await adapter.continueConversationAsync(
    '',
    {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: '19:chat@thread.v2', isGroup: true, conversationType: 'groupChat', name: '' },
    },
    (context) => {
      change(context);
      const connector = context.turnState.get<{
        client?: { pipeline?: { getOrderedPolicies(): { name: string }[] } };
      }>(adapter.ConnectorClientKey);
      names = connector?.client?.pipeline?.getOrderedPolicies().map((p) => p.name) ?? [];
      return Promise.resolve();
    },
  );
  return names;
}

describe('what the changes to botbuilder rely on (fails when an upgrade moves it)', () => {
  it("botbuilder's authentication has the three methods reuseConnectors wraps", () => {
    const adapter = new TeamsAdapter({}) as unknown as {
      botFrameworkAuthentication: Record<string, unknown>;
    };
    const authentication = adapter.botFrameworkAuthentication;
    for (const method of ['authenticateRequest', 'createConnectorFactory', 'createUserTokenClient'])
      expect(typeof authentication[method]).toBe('function');
  });

  it("a proactive turn's connector has an HTTP pipeline with botbuilder's own retry policy", async () => {
    expect(await proactivePolicies()).toContain('defaultRetryPolicy');
  });

  it('ownRetriesAndTimeout takes that retry policy out and puts its timeout in, once', async () => {
    const names = await proactivePolicies((context) => {
      ownRetriesAndTimeout(context, 5000);
      ownRetriesAndTimeout(context, 5000);
    });
    expect(names).not.toContain('defaultRetryPolicy');
    expect(names.filter((name) => name === TIMEOUT_POLICY)).toHaveLength(1);
  });
});
