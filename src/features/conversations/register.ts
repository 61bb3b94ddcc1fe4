import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { BotDeps } from '../../bot/bot-deps';
import { createLinkOnInstall } from '../attendance/link-on-install';
import { createShowHelp } from '../help/show-help';
import { createSendSetup } from '../network/register';
import { createOnMembersChanged } from '../roster/on-members-changed';
import { createOnBotInstalled } from './on-bot-installed';
import { createOnBotRemoved } from './on-bot-removed';

const isBot = (context: TurnContext, members: { id: string }[] | undefined): boolean =>
  (members ?? []).some((member) => member.id === context.activity.recipient.id);

export function registerConversations(app: Application, deps: BotDeps): void {
  const showHelp = createShowHelp(deps);
  const sendSetup = createSendSetup(deps);
  // A group chat or channel is a network's home: after the welcome, whoever installed is asked to set it up.
  const linkMeetingChat = createLinkOnInstall(deps);
  const welcome = async (context: TurnContext): Promise<void> => {
    // Added to a Teams meeting that is a planned meeting of a network: that chat is linked, not a new network.
    if (await linkMeetingChat(context)) return;
    await showHelp(context);
    if (context.activity.conversation.conversationType !== 'personal') await sendSetup(context);
  };
  const installed = createOnBotInstalled(deps, welcome);
  const removed = createOnBotRemoved(deps);
  const membersChanged = createOnMembersChanged(deps);

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action ?? '';
    if (action === 'add' || action === 'add-upgrade') await installed(context);
    else if (action === 'remove') await removed(context);
  });
  // teams-ai runs one route per activity, so both cases of each event are decided here.
  app.conversationUpdate('membersAdded', async (context) => {
    if (isBot(context, context.activity.membersAdded)) await installed(context);
    else
      await membersChanged(
        context,
        (context.activity.membersAdded ?? []).map((m) => m.id),
      );
  });
  app.conversationUpdate('membersRemoved', async (context) => {
    if (isBot(context, context.activity.membersRemoved)) await removed(context);
    else await membersChanged(context, []);
  });
}
