// Keys for keyed hashes (HMAC), sealed OTP destinations and signed respondent grants, derived from the hash
// secret (HASH_SECRET, by default SESSION_SECRET) with HKDF so that each purpose has its own key. Stored
// hashes depend on it: README "Secrets" says what changing it breaks, and the server refuses to start on a
// changed key until `prongsai secrets rotate hash` accepts it (src/ops/hash-key.ts).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';

export type SecretPurpose =
  | 'survey-token'
  | 'otp-destination'
  | 'otp-code'
  | 'respondent-grant'
  | 'network-prefix'
  | 'eit2-submission'
  | 'key-check'
  | 'submission-receipt';

/** `hashSecret` when configured (the app's Config always has it); else the session secret, as before it. */
type KeyConfig = Pick<Config, 'sessionSecret'> & Partial<Pick<Config, 'hashSecret'>>;
const rootOf = (config: KeyConfig) => config.hashSecret ?? config.sessionSecret;

const cache = new Map<string, Buffer>();

export function derivedKey(config: KeyConfig, purpose: SecretPurpose): Buffer {
  const root = rootOf(config);
  const id = `${purpose}\u0000${root}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', root, 'prongsai', purpose, 32));
    cache.set(id, key);
  }
  return key;
}

/** HMAC-SHA256, hex: what we store instead of tokens, phone numbers and e-mail addresses. */
export function keyedHash(config: KeyConfig, purpose: SecretPurpose, value: string): string {
  return createHmac('sha256', derivedKey(config, purpose)).update(value, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
