/**
 * What identifies a Teams meeting in its join link: the decoded path (/l/meetup-join/<thread>/<n>), lower-cased.
 * Query strings (context, tenant) and percent-encoding differ between the calendar, the meeting info API and
 * meeting events, so links are compared by this key.
 */
export function joinUrlKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.toLowerCase()}${decodeURIComponent(parsed.pathname).toLowerCase().replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}
