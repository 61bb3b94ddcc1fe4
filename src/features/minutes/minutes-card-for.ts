import type { BotDeps } from '../../bot/bot-deps';
import { renderMinutesCard } from '../../cards/minutes-card';
import type { AdaptiveCardJson } from '../../cards/render-template';
import type { Network } from '../../domain/network';
import type { VersionedMinutes } from '../../storage/minutes-repository';

/** The minutes card with download links signed now (only the full card carries them). */
export function minutesCardFor(
  deps: Pick<BotDeps, 'downloads' | 'clock'>,
  network: Network,
  versioned: VersionedMinutes,
  shows: 'summary' | 'full',
  notice?: { text: string; good: boolean },
): AdaptiveCardJson {
  const { minutes } = versioned;
  const link = (format: 'docx' | 'md') =>
    deps.downloads.urlFor(
      { networkId: minutes.networkId, meetingId: minutes.meetingId, version: minutes.version, format },
      deps.clock(),
    );
  const approver = [
    ...network.settings.chairs,
    ...(network.settings.secretary ? [network.settings.secretary] : []),
  ].find((person) => person.aadObjectId === minutes.approvedBy);
  return renderMinutesCard({
    shows,
    version: minutes,
    etag: versioned.etag,
    links: { docx: link('docx'), md: link('md') },
    ...(approver ? { approvedByName: approver.name } : {}),
    ...(notice ? { notice } : {}),
  });
}
