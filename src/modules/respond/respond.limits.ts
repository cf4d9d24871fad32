// Brute-force protection for the IIT access code and tokens: failed attempts counted in rate_buckets per
// (client address, agency) and per agency, in fixed windows, under keyed hashes (no address is stored).
import { keyedHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { DomainError } from '../../core/errors.ts';
import { windowStartOf } from '../../core/windows.ts';
import type { DbOrTx } from '../../db/client.ts';
import { bumpWindow, purgeWindows, windowCounts } from '../rate-limits/index.ts';

export const ACCESS_FAILURE_WINDOW_MINUTES = 15;
export const ACCESS_FAILURE_LIMITS = {
  /** Wrong codes/tokens from one address for one agency per window. */
  client: 10,
  /**
   * Wrong codes/tokens for one agency from all addresses per window: stops a distributed guess while
   * leaving room for real staff mistyping (a lower number would let a stranger lock an agency out).
   */
  agency: 300,
} as const;

/** Per-address route limits (@fastify/rate-limit); the counters above do the fine work. */
export const ACCESS_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;
/** Generous: a whole office may submit from behind one address, and a submit already needs a grant. */
export const SUBMIT_RATE_LIMIT = { max: 3000, timeWindow: '1 minute' } as const;
export const READ_RATE_LIMIT = { max: 300, timeWindow: '1 minute' } as const;

const TAG = 'iit-access:';
const WINDOW_SECONDS = ACCESS_FAILURE_WINDOW_MINUTES * 60;
const WINDOW_MS = WINDOW_SECONDS * 1000;
type HashConfig = Pick<Config, 'sessionSecret'>;

function keys(config: HashConfig, agencyId: string, clientIp: string) {
  return {
    client: `${TAG}c:${keyedHash(config, 'network-prefix', `iit-access|${agencyId}|${clientIp}`)}`,
    agency: `${TAG}a:${keyedHash(config, 'network-prefix', `iit-access|${agencyId}`)}`,
  };
}

const tooManyAttempts = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'rate_limited',
    'too_many_attempts',
    `กรอกรหัสไม่ถูกต้องหลายครั้งเกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`,
    `Too many wrong codes; please try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    { retryAfterSeconds },
  );
};

/** Throws 429 (with the seconds to wait) while the address or the agency is over its failure limit. */
export async function assertNotLockedOut(
  db: DbOrTx,
  config: HashConfig,
  agencyId: string,
  clientIp: string,
  now: Date,
): Promise<void> {
  const k = keys(config, agencyId, clientIp);
  const windowStart = windowStartOf(now, WINDOW_SECONDS);
  const counts = await windowCounts(db, [k.client, k.agency], windowStart);
  const count = (key: string) => counts.get(key) ?? 0;
  if (count(k.client) >= ACCESS_FAILURE_LIMITS.client || count(k.agency) >= ACCESS_FAILURE_LIMITS.agency) {
    throw tooManyAttempts(Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  }
}

export async function noteAccessFailure(
  db: DbOrTx,
  config: HashConfig,
  agencyId: string,
  clientIp: string,
  now: Date,
): Promise<void> {
  const k = keys(config, agencyId, clientIp);
  const windowStart = windowStartOf(now, WINDOW_SECONDS);
  // Old windows are useless and could only help someone correlate; drop them as we go.
  await purgeWindows(db, TAG, new Date(now.getTime() - WINDOW_MS));
  for (const key of [k.client, k.agency]) await bumpWindow(db, key, windowStart);
}
