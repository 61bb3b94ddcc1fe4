import { signDownloadLink, verifyDownloadLink } from '../../src/http/signed-link';

const KEY = 'k'.repeat(40);
const now = new Date('2026-11-20T10:00:00Z');
const claim = {
  networkId: 'net-1',
  meetingId: '7d1c2a1e-0000-4000-8000-000000000017',
  version: 2,
  format: 'docx' as const,
  expiresAt: now.getTime() + 15 * 60_000,
};

describe('signed download links', () => {
  it('verifies a link it signed until it expires', () => {
    const token = signDownloadLink(claim, KEY);
    expect(verifyDownloadLink(token, KEY, now)).toEqual({ ok: true, claim });
    expect(verifyDownloadLink(token, KEY, new Date(claim.expiresAt))).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it('refuses a changed payload, a changed signature, another key and garbage', () => {
    const token = signDownloadLink(claim, KEY);
    const [payload, signature] = token.split('.') as [string, string];
    const otherMeeting = Buffer.from(
      JSON.stringify({ ...claim, meetingId: '7d1c2a1e-0000-4000-8000-000000000018' }),
    ).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
    for (const bad of [
      `${otherMeeting}.${signature}`,
      `${payload}.${flipped}`,
      `${payload}.`,
      'garbage',
      `${payload}.${signature}.extra`,
    ])
      expect(verifyDownloadLink(bad, KEY, now)).toEqual({ ok: false, problem: 'tampered' });
    expect(verifyDownloadLink(token, 'o'.repeat(40), now)).toEqual({ ok: false, problem: 'tampered' });
    // Even a correctly signed link must carry a well-formed claim.
    expect(verifyDownloadLink(signDownloadLink({ ...claim, format: 'exe' } as never, KEY), KEY, now)).toEqual(
      {
        ok: false,
        problem: 'tampered',
      },
    );
  });
});
