import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../bot/bot-deps';
import { joinUrlKey } from '../../domain/join-url';
import type { Meeting } from '../../domain/meeting';
import type { Network } from '../../domain/network';
import type { VersionedMeeting } from '../../storage/meeting-repository';

type Deps = Pick<BotDeps, 'networks' | 'meetings' | 'meetingLinks' | 'clock'>;

/** The planned (or running) meeting whose Teams join link is this one, nearest now. */
export async function meetingForJoinUrl(
  deps: Pick<BotDeps, 'meetings' | 'clock'>,
  joinUrl: string,
): Promise<Meeting | undefined> {
  const key = joinUrlKey(joinUrl);
  return key ? deps.meetings.findByJoinUrlKey(key, deps.clock()) : undefined;
}

/** Ties this Teams meeting chat to the planned meeting, so its events and cards find it. */
export async function saveLink(context: TurnContext, deps: Deps, meeting: Meeting): Promise<void> {
  const teamsMeetingId = (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting
    ?.id;
  await deps.meetingLinks.save({
    meetingChatId: context.activity.conversation.id,
    networkId: meeting.networkId,
    meetingId: meeting.meetingId,
    ...(teamsMeetingId ? { teamsMeetingId } : {}),
    linkedAt: deps.clock().toISOString(),
  });
}

/**
 * The planned meeting this Teams meeting chat is for: by its stored link, or, given the Teams meeting's join link
 * (from a meetingStart event), by matching it against planned meetings and storing the link.
 */
export async function linkedMeeting(
  context: TurnContext,
  deps: Deps,
  joinUrl?: string,
): Promise<({ network: Network } & VersionedMeeting) | undefined> {
  let link = await deps.meetingLinks.get(context.activity.conversation.id);
  if (!link && joinUrl) {
    const meeting = await meetingForJoinUrl(deps, joinUrl);
    if (meeting) {
      await saveLink(context, deps, meeting);
      link = await deps.meetingLinks.get(context.activity.conversation.id);
    }
  }
  if (!link) return undefined;
  const [network, meeting] = await Promise.all([
    deps.networks.get(link.networkId),
    deps.meetings.get(link.networkId, link.meetingId),
  ]);
  return network && meeting ? { network: network.network, ...meeting } : undefined;
}
