import { carriesLinkToken } from '../../src/http/download-links';
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

  it('refuses a changed byte, a cut or lengthened token, another key and garbage', () => {
    const token = signDownloadLink(claim, KEY);
    const bytes = Buffer.from(token, 'base64url');
    const changedAt = (i: number) => {
      const copy = Buffer.from(bytes);
      copy[i] = copy[i]! ^ 1;
      return copy.toString('base64url');
    };
    for (const bad of [
      changedAt(0),
      changedAt(20),
      changedAt(bytes.length - 1),
      bytes.subarray(0, bytes.length - 1).toString('base64url'),
      `${token}AA`,
      `${token}.x`,
      'garbage',
      '',
    ])
      expect(verifyDownloadLink(bad, KEY, now)).toEqual({ ok: false, problem: 'tampered' });
    expect(verifyDownloadLink(token, 'o'.repeat(40), now)).toEqual({ ok: false, problem: 'tampered' });
    // Even a correctly sealed link must carry a well-formed claim.
    expect(verifyDownloadLink(signDownloadLink({ ...claim, format: 'exe' } as never, KEY), KEY, now)).toEqual(
      {
        ok: false,
        problem: 'tampered',
      },
    );
  });

  it('shows nothing of what it names: a person data link holds no id in any readable form', () => {
    const person = {
      kind: 'personData' as const,
      networkId: 'net-1',
      userId: '29:1aBcD-sara',
      aadObjectId: '5a1b2c3d-0000-4000-8000-00000000aaaa',
      expiresAt: now.getTime() + 60_000,
    };
    const token = signDownloadLink(person, KEY);
    const readable = [
      token,
      Buffer.from(token, 'base64url').toString('latin1'),
      Buffer.from(token, 'base64url').toString('utf8'),
    ];
    for (const secret of [person.userId, person.aadObjectId, 'net-1', 'personData'])
      for (const text of readable) expect(text).not.toContain(secret);
    expect(verifyDownloadLink(token, KEY, now)).toEqual({ ok: true, claim: person });
    // Two links to the same thing differ (a fresh nonce each), so links cannot be matched up either.
    expect(signDownloadLink(person, KEY)).not.toBe(token);
  });

  it('tells the requests that carry a link, which traces leave out', () => {
    expect(carriesLinkToken('/minutes/download?token=abc')).toBe(true);
    expect(carriesLinkToken('/person-data/download?token=abc')).toBe(true);
    expect(carriesLinkToken('/api/messages')).toBe(false);
    expect(carriesLinkToken('/minutes/downloaded')).toBe(false);
  });
});
