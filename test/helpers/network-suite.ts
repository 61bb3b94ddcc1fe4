import { JOHAN, KARIN } from '../fixtures/members';
import { withBotAndConnector } from './bot-with-connector';
import { chatMember } from './chat-member';
import { setUpNetwork } from './network-setup';

/**
 * A suite whose every test gets a fresh network in its own group chat (`19:<prefix>-<n>@thread.v2`), Karin Ek its
 * chair and Johan Berg its secretary unless `settings` say otherwise; `say` and `press` act in that chat.
 */
export function networkSuite(prefix: string, settings: Record<string, string> = {}) {
  const suite = withBotAndConnector();
  const state = { counter: 0, network: undefined as unknown as Awaited<ReturnType<typeof setUpNetwork>> };
  const member = chatMember(suite, () => state.network);
  beforeEach(async () => {
    state.counter += 1;
    state.network = await setUpNetwork(
      suite.bot,
      suite.connector,
      `19:${prefix}-${state.counter}@thread.v2`,
      {
        chairs: KARIN.aadObjectId,
        secretary: JOHAN.aadObjectId,
        ...settings,
      },
    );
  });
  return {
    suite,
    ...member,
    deps: () => suite.bot.deps,
    network: () => state.network,
    counter: () => state.counter,
    /** Acts in another chat from now on in this test (one set up by the test itself). */
    use: (network: Awaited<ReturnType<typeof setUpNetwork>>) => {
      state.network = network;
    },
  };
}
