// Brute-force protection for the IIT access code and tokens: failed attempts counted in rate_buckets per
// (client address, agency) and per agency, in fixed windows, under keyed hashes (no address is stored).
import { and, eq, like, lt, sql } from 'drizzle-orm';
import { keyedHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { DomainError } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { rateBuckets } from '../../db/schema/index.ts';

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
const WINDOW_MS = ACCESS_FAILURE_WINDOW_MINUTES * 60_000;
type HashConfig = Pick<Config, 'sessionSecret'>;

function keys(config: HashConfig, agencyId: string, clientIp: string) {
  return {
    client: `${TAG}c:${keyedHash(config, 'network-prefix', `iit-access|${agencyId}|${clientIp}`)}`,
    agency: `${TAG}a:${keyedHash(config, 'network-prefix', `iit-access|${agencyId}`)}`,
  };
}

const windowStartOf = (now: Date) => new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);

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
  const windowStart = windowStartOf(now);
  const rows = await db
    .select({ key: rateBuckets.key, count: rateBuckets.count })
    .from(rateBuckets)
    .where(
      and(eq(rateBuckets.windowStart, windowStart), sql`${rateBuckets.key} in (${k.client}, ${k.agency})`),
    );
  const count = (key: string) => rows.find((r) => r.key === key)?.count ?? 0;
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
  const windowStart = windowStartOf(now);
  // Old windows are useless and could only help someone correlate; drop them as we go.
  await db
    .delete(rateBuckets)
    .where(
      and(like(rateBuckets.key, `${TAG}%`), lt(rateBuckets.windowStart, new Date(now.getTime() - WINDOW_MS))),
    );
  for (const key of [k.client, k.agency]) {
    await db
      .insert(rateBuckets)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [rateBuckets.key, rateBuckets.windowStart],
        set: { count: sql`${rateBuckets.count} + 1` },
      });
  }
}
