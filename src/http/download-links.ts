import { signDownloadLink, verifyDownloadLink, type UnsignedClaim, type VerifiedLink } from './signed-link';

/** Links are short-lived: long enough to click, too short to be worth forwarding. */
export const DOWNLOAD_LINK_TTL_MS = 15 * 60_000;

export interface DownloadLinks {
  /** An absolute URL that fetches one file (a minutes version, a person's data) until it expires. */
  urlFor(claim: UnsignedClaim, now: Date): string;
  verify(token: string, now: Date): VerifiedLink;
}

export const DOWNLOAD_PATH = '/minutes/download';
export const PERSON_DATA_PATH = '/person-data/download';

/** Whether a request's URL carries a download link's token: such a request is left out of traces. */
export const carriesLinkToken = (url: string): boolean =>
  [DOWNLOAD_PATH, PERSON_DATA_PATH].some((path) => url === path || url.startsWith(`${path}?`));

export function createDownloadLinks(baseUrl: () => string, key: string): DownloadLinks {
  return {
    urlFor: (claim, now) =>
      `${baseUrl()}${'kind' in claim ? PERSON_DATA_PATH : DOWNLOAD_PATH}?token=${signDownloadLink({ ...claim, expiresAt: now.getTime() + DOWNLOAD_LINK_TTL_MS }, key)}`,
    verify: (token, now) => verifyDownloadLink(token, key, now),
  };
}
