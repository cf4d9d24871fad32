// Sealing the destination of a pending challenge so a resend can reach it without storing it in plain text.
// AES-256-GCM; the key is derived (HKDF) from the 'otp-code' key, so it never doubles as an HMAC key; the
// challenge id is associated data, so a sealed value copied to another challenge does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { derivedKey } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';

type SealConfig = Pick<Config, 'sessionSecret'>;

function sealKey(config: SealConfig): Buffer {
  return Buffer.from(hkdfSync('sha256', derivedKey(config, 'otp-code'), 'prongsai', 'otp-seal', 32));
}

export function sealDestination(config: SealConfig, challengeId: string, destination: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(config), iv);
  cipher.setAAD(Buffer.from(challengeId, 'utf8'));
  const body = Buffer.concat([cipher.update(destination, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The destination, or null when the value was not sealed for this challenge with this server's secret. */
export function openDestination(config: SealConfig, challengeId: string, sealed: string): string | null {
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 12 + 16 + 1) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(config), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(challengeId, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
