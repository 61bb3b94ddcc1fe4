/**
 * Whether the bot may fetch a file a user sent: Teams hands the bot a short-lived https download address on the
 * sender's SharePoint or OneDrive. Any other address is refused before a request is made, so a user cannot make
 * the server call an address of their choosing. Loopback only when a test says so (never in production).
 */
export function isAllowedDownload(address: string, options: { loopback: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (options.loopback && url.protocol === 'http:' && (host === '127.0.0.1' || host === 'localhost'))
    return true;
  return (
    url.protocol === 'https:' &&
    (url.port === '' || url.port === '443') &&
    /^[a-z0-9-]+(?:-my)?\.sharepoint\.com$/.test(host)
  );
}
