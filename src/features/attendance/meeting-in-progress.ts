import type { TurnContext } from 'botbuilder';
import { actorOf } from '../../bot/actor';
import type { BotDeps } from '../../bot/bot-deps';
import { turnLanguage } from '../../bot/turn-language';
import { currentMeeting } from '../../domain/attendance';
import type { Meeting } from '../../domain/meeting';
import { canManageRoster, rosterKeepers, type Network } from '../../domain/network';
import { createTranslator, type Translate } from '../../i18n/translator';
import { activeNetwork } from '../roster/active-network';

/**
 * The network, its current meeting and the network's translator; `needsRole` requires a chair or the secretary
 * (stored roles). Otherwise the sentence that says why not.
 */
export async function meetingInProgress(
  context: TurnContext,
  deps: Pick<BotDeps, 'networks' | 'meetings' | 'clock'>,
  options: { needsRole: boolean },
): Promise<{ network: Network; meeting: Meeting; etag: string; t: Translate } | { refusal: string }> {
  const network = await activeNetwork(context, deps);
  if (!network)
    return {
      refusal: createTranslator(await turnLanguage(context, deps.networks))('meeting.networkNotSetUp'),
    };
  const t = createTranslator(network.settings.language);
  if (options.needsRole && !canManageRoster(network, actorOf(context)?.aadObjectId)) {
    return { refusal: t('meeting.rolesOnly', { names: rosterKeepers(network).join(', ') }) };
  }
  const meeting = currentMeeting(await deps.meetings.upcoming(network.networkId, deps.clock()), deps.clock());
  const found = meeting ? await deps.meetings.get(network.networkId, meeting.meetingId) : undefined;
  if (!found) return { refusal: t('meeting.noCurrent') };
  return { network, meeting: found.meeting, etag: found.etag, t };
}
