import { networkIdForConversation } from '../../src/domain/conversation';
import { GROUP_CHAT_MEMBERS, KARIN, fromMember } from '../fixtures/members';
import type { ConnectorStub } from './connector-stub';
import { cardAction, teamsActivity } from './teams-activity';
import { postActivity } from './test-bot';

/**
 * A group chat whose network Karin Ek has set up through the real cards (install, then the setup form). Its members
 * are the fixture group chat's unless the connector already lists some for it.
 */
export async function setUpNetwork(
  bot: { url: string },
  connector: ConnectorStub,
  chatId: string,
  settings: Record<string, string> = {},
): Promise<{ networkId: string; conversation: Record<string, unknown> }> {
  const conversation = { isGroup: true, conversationType: 'groupChat', tenantId: 't', id: chatId };
  if (!connector.members.has(chatId)) connector.members.set(chatId, GROUP_CHAT_MEMBERS);
  await postActivity(
    bot,
    teamsActivity('installation-update-group-chat', connector.serviceUrl, { conversation }),
  );
  await connector.waitForCalls(2);
  const networkId = networkIdForConversation(chatId);
  const form = {
    networkId,
    name: 'Socialchefsnätverket',
    chairs: KARIN.aadObjectId,
    secretary: 'none',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    agendaLeadDays: '7',
    ...settings,
  };
  const saved = await postActivity(
    bot,
    cardAction(connector.serviceUrl, 'network.setup.save', form, { conversation, from: fromMember(KARIN) }),
  );
  if (saved.status !== 200) throw new Error(`setup failed: ${saved.status}`);
  connector.reset();
  return { networkId, conversation };
}
