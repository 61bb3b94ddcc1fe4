import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** One version of a meeting's minutes, as Word or Markdown. */
const minutesClaimSchema = z
  .object({
    networkId: z.string().min(1).max(100),
    meetingId: z.string().uuid(),
    version: z.number().int().min(1),
    format: z.enum(['docx', 'md']),
    /** Epoch milliseconds. */
    expiresAt: z.number().int(),
  })
  .strict();

/** What one network holds about one person, for its chair (GDPR art. 15). */
const personDataClaimSchema = z
  .object({
    kind: z.literal('personData'),
    networkId: z.string().min(1).max(100),
    userId: z.string().min(1).max(200),
    aadObjectId: z.string().min(1).max(100).optional(),
    expiresAt: z.number().int(),
  })
  .strict();

/** What a download link lets its holder fetch, and until when. */
export const downloadClaimSchema = z.union([minutesClaimSchema, personDataClaimSchema]);
export type DownloadClaim = z.infer<typeof downloadClaimSchema>;
export type MinutesClaim = z.infer<typeof minutesClaimSchema>;
export type PersonDataClaim = z.infer<typeof personDataClaimSchema>;
/** A claim before the link's expiry is added. */
export type UnsignedClaim = Omit<MinutesClaim, 'expiresAt'> | Omit<PersonDataClaim, 'expiresAt'>;

export type VerifiedLink =
  { ok: true; claim: DownloadClaim } | { ok: false; problem: 'tampered' | 'expired' };

const sign = (payload: string, key: string): Buffer => createHmac('sha256', key).update(payload).digest();

/** `<payload>.<HMAC-SHA256>`, both base64url: short enough for a URL, and any change to the payload breaks it. */
export function signDownloadLink(claim: DownloadClaim, key: string): string {
  const payload = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${payload}.${sign(payload, key).toString('base64url')}`;
}

/** The claim if the signature is this key's and the link has not expired; compared in constant time. */
export function verifyDownloadLink(token: string, key: string, now: Date): VerifiedLink {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return { ok: false, problem: 'tampered' };
  const expected = sign(payload, key);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, problem: 'tampered' };
  let claim: DownloadClaim;
  try {
    const parsed = downloadClaimSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    if (!parsed.success) return { ok: false, problem: 'tampered' };
    claim = parsed.data;
  } catch {
    return { ok: false, problem: 'tampered' };
  }
  return claim.expiresAt > now.getTime() ? { ok: true, claim } : { ok: false, problem: 'expired' };
}
