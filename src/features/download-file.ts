import type { BotDeps } from '../bot/bot-deps';
import type { DownloadClaim } from '../http/signed-link';
import { createMinutesFile } from './minutes/minutes-file';
import { createPersonDataFile } from './person-data/person-data-file';

/** The file a verified download link names: a minutes version, or one person's data for their network's chair. */
export function createDownloadFile(deps: Pick<BotDeps, 'minutes' | 'networks' | 'personData' | 'clock'>) {
  const minutesFile = createMinutesFile(deps);
  const personDataFile = createPersonDataFile(deps);
  return (claim: DownloadClaim) => ('kind' in claim ? personDataFile(claim) : minutesFile(claim));
}
