import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { canManageRoster, rosterKeepers, type Network } from '../../domain/network';
import { createTranslator, type Translate } from '../../i18n/translator';
import type { VersionedMeeting } from '../../storage/meeting-repository';
import { activeNetwork } from '../roster/active-network';
import { isOrganizer } from './is-organizer';
import { linkedMeeting } from './linked-meeting';

export type MeetingDeps = Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>;

/**
 * The front of every command about a meeting: the conversation's network (in a Teams meeting chat linked to a
 * planned meeting, that meeting's network, and the meeting itself as `linked`) and, with `needsRole`, the sender's
 * right: a chair, the secretary (stored roles) or, in a linked meeting chat, the Teams meeting's Organizer.
 * Otherwise it answers why not and returns undefined.
 */
export async function meetingAccess(
  context: TurnContext,
  deps: MeetingDeps,
  needsRole: boolean,
): Promise<{ network: Network; linked?: VersionedMeeting; t: Translate } | undefined> {
  const linked = await linkedMeeting(context, deps);
  const network = linked?.network ?? (await activeNetwork(context, deps));
  if (!network) {
    await context.sendActivity(
      createTranslator(await turnLanguage(context, deps.networks))('meeting.networkNotSetUp'),
    );
    return undefined;
  }
  const t = createTranslator(network.settings.language);
  if (
    needsRole &&
    !canManageRoster(network, actorOf(context)?.aadObjectId) &&
    !(linked && (await isOrganizer(context)))
  ) {
    await context.sendActivity(t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') }));
    return undefined;
  }
  return {
    network,
    ...(linked ? { linked: { meeting: linked.meeting, etag: linked.etag } } : {}),
    t,
  };
}
