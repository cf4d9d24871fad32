// Keys for keyed hashes (HMAC) and signed respondent grants, derived from the one server secret with HKDF so
// that each purpose has its own key and rotating SESSION_SECRET rotates them all.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';

export type SecretPurpose =
  | 'survey-token'
  | 'otp-destination'
  | 'otp-code'
  | 'respondent-grant'
  | 'network-prefix'
  | 'submission-receipt';

const cache = new Map<string, Buffer>();

export function derivedKey(config: Pick<Config, 'sessionSecret'>, purpose: SecretPurpose): Buffer {
  const id = `${purpose}\u0000${config.sessionSecret}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', config.sessionSecret, 'prongsai', purpose, 32));
    cache.set(id, key);
  }
  return key;
}

/** HMAC-SHA256, hex: what we store instead of tokens, phone numbers and e-mail addresses. */
export function keyedHash(
  config: Pick<Config, 'sessionSecret'>,
  purpose: SecretPurpose,
  value: string,
): string {
  return createHmac('sha256', derivedKey(config, purpose)).update(value, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
