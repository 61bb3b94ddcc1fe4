import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
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
    userId: z.string().min(1).max(200).optional(),
    aadObjectId: z.string().min(1).max(100).optional(),
    /** Someone the records know only by name. */
    name: z.string().min(1).max(100).optional(),
    expiresAt: z.number().int(),
  })
  .strict()
  .refine((claim) => (claim.userId === undefined) !== (claim.name === undefined));

/** What a download link lets its holder fetch, and until when. */
export const downloadClaimSchema = z.union([minutesClaimSchema, personDataClaimSchema]);
export type DownloadClaim = z.infer<typeof downloadClaimSchema>;
export type MinutesClaim = z.infer<typeof minutesClaimSchema>;
export type PersonDataClaim = z.infer<typeof personDataClaimSchema>;
/** A claim before the link's expiry is added. */
export type UnsignedClaim = Omit<MinutesClaim, 'expiresAt'> | Omit<PersonDataClaim, 'expiresAt'>;

export type VerifiedLink =
  { ok: true; claim: DownloadClaim } | { ok: false; problem: 'tampered' | 'expired' };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The link's own key, derived from the configured secret (so the secret itself encrypts nothing directly). */
const linkKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'anteckna', 'download link v2', 32));

/**
 * The claim encrypted and authenticated (AES-256-GCM), base64url: a link names a person or a meeting without
 * showing whom or which to anyone who sees the URL, and any change to it breaks it.
 */
export function signDownloadLink(claim: DownloadClaim, key: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', linkKey(key), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(claim), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The claim if this key sealed it, it is well formed and the link has not expired. */
export function verifyDownloadLink(token: string, key: string, now: Date): VerifiedLink {
  const bytes = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url') : Buffer.alloc(0);
  if (bytes.length <= IV_BYTES + TAG_BYTES) return { ok: false, problem: 'tampered' };
  let claim: DownloadClaim;
  try {
    const decipher = createDecipheriv('aes-256-gcm', linkKey(key), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const opened = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    const parsed = downloadClaimSchema.safeParse(JSON.parse(opened.toString('utf8')));
    if (!parsed.success) return { ok: false, problem: 'tampered' };
    claim = parsed.data;
  } catch {
    return { ok: false, problem: 'tampered' };
  }
  return claim.expiresAt > now.getTime() ? { ok: true, claim } : { ok: false, problem: 'expired' };
}
