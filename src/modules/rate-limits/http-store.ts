// Where @fastify/rate-limit keeps its per-route counters: never in one process's memory, so that several app
// instances behind one address count together (README "Running several instances"). By default in
// rate_buckets (PostgreSQL or embedded PGlite, fixed windows, one atomic upsert per request); in Redis when
// REDIS_URL is set (the plugin's own Redis store: an atomic Lua INCR + PEXPIRE). Either way a client is
// counted by a keyed hash of its address (IPv4) or /64 (IPv6), never by the address itself.
import type { FastifyRateLimitStore, RateLimitOptions, RateLimitPluginOptions } from '@fastify/rate-limit';
import type { RouteOptions } from 'fastify';
import { keyedHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { clientKey } from '../../core/client-address.ts';
import type { DbOrTx } from '../../db/client.ts';
import { bumpWindow, purgeWindows } from './counters.ts';

/** Every key of the route counters in rate_buckets starts with this. */
export const HTTP_BUCKET_PREFIX = 'http:';
/** Ended windows of a route are purged at most this often per process. */
const PURGE_EVERY_MS = 60_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type StoreDeps = { db: DbOrTx; now: () => Date };

/** The store class the plugin instantiates (it passes only its options), bound to our database and clock. */
export function databaseRateLimitStore(deps: StoreDeps) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private lastPurge = 0;
    constructor(
      options: RateLimitOptions,
      private readonly prefix = `${HTTP_BUCKET_PREFIX}*:`,
    ) {
      // Fixed windows only: fail loudly rather than silently ignore a setting someone relied on.
      if (options.continueExceeding || options.exponentialBackoff)
        throw new Error('the database rate-limit store keeps fixed windows only');
    }

    incr(key: string, callback: Callback, timeWindow: number, _max: number): void {
      void this.count(key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    private async count(key: string, timeWindow: number) {
      const now = deps.now();
      const windowMs = Math.max(1000, timeWindow);
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      if (now.getTime() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = now.getTime();
        await purgeWindows(deps.db, this.prefix, windowStart);
      }
      const current = await bumpWindow(deps.db, `${this.prefix}${key}`, windowStart);
      return { current, ttl: windowStart.getTime() + windowMs - now.getTime() };
    }

    // The plugin passes the route's merged limit settings, with the route itself under `routeInfo`.
    child(routeOptions: RouteOptions & { path: string; prefix: string }): FastifyRateLimitStore {
      const merged = routeOptions as unknown as RateLimitOptions & { routeInfo?: Partial<RouteOptions> };
      const route = `${String(merged.routeInfo?.method ?? '*')} ${merged.routeInfo?.url ?? '*'}`;
      return new DatabaseRateLimitStore(merged, `${HTTP_BUCKET_PREFIX}${route}:`);
    }
  };
}

/**
 * The plugin's options for the shared store: Redis when `config.redisUrl` is set (the returned `close`
 * ends the connection), the database otherwise.
 */
export async function sharedRateLimitOptions(
  deps: StoreDeps & { config: Pick<Config, 'sessionSecret' | 'redisUrl'> },
  onRedisError: (error: Error) => void = () => {},
): Promise<{ options: RateLimitPluginOptions; close: () => Promise<void> }> {
  const keyGenerator = (req: { ip: string }) =>
    keyedHash(deps.config, 'network-prefix', `http|${clientKey(req.ip)}`);
  if (deps.config.redisUrl) {
    // While Redis is unreachable (a request waits at most a few seconds for it) the route limits are skipped
    // rather than failing every request: they are the coarse flood guard, and the limits that protect
    // accounts and codes (sign-in lockout, OTP limits, access-code guessing) are counted in PostgreSQL
    // whatever happens to Redis. A Redis outage must not take the surveys down with it.
    // ioredis is loaded only when Redis is configured (src/app/lazy-imports.test.ts).
    const { Redis } = await import('ioredis');
    const redis = new Redis(deps.config.redisUrl, {
      connectTimeout: 5000,
      commandTimeout: 3000,
      maxRetriesPerRequest: 1,
    });
    // Without a listener ioredis prints every failed reconnection to the console; the app's log gets them.
    redis.on('error', onRedisError);
    return {
      options: { global: false, keyGenerator, redis, nameSpace: 'prongsai:rate:', skipOnError: true },
      close: async () => {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  return {
    options: { global: false, keyGenerator, store: databaseRateLimitStore(deps) },
    close: async () => {},
  };
}
