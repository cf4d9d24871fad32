// Where @fastify/rate-limit keeps its per-route counters: never in one process's memory alone, so that several
// app instances behind one address count together (README "Running several instances"). By default in
// rate_buckets (PostgreSQL or embedded PGlite, fixed windows, one atomic upsert per request); in Redis when
// REDIS_URL is set (the plugin's own Redis store: an atomic Lua INCR + PEXPIRE). A route whose config has
// `batchedRateLimit` (the busy public reads) is counted instead by our own hook in this process, and its
// clients' counts are added to the same shared store in batches about every second once they come near the
// limit (batched-counts.ts: the bound on what several instances may admit together is documented there). A
// request costs a few lookups in memory, no promise and no round trip. Either way the store holds a keyed hash of the
// client's address (IPv4) or /64 (IPv6), never the address itself.
import { createRequire } from 'node:module';
import type { FastifyRateLimitStore, RateLimitOptions, RateLimitPluginOptions } from '@fastify/rate-limit';
import type { onRequestHookHandler, onRouteHookHandler, RouteOptions } from 'fastify';
import type { Redis } from 'ioredis';
import { keyedHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { clientKey } from '../../core/client-address.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  BatchedCounts,
  type BatchedCountsOptions,
  databaseCounts,
  redisCounts,
  type SharedCounts,
} from './batched-counts.ts';
import { bumpWindow, purgeWindows } from './counters.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A per-address limit counted in this process and shared in batches (batched-counts.ts), for busy reads
     * with no account or code behind them; `rateLimit` (the plugin) counts exactly. A route has one or the other.
     */
    batchedRateLimit?: BatchedRateLimit;
  }
}

export interface BatchedRateLimit {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

/** Every key of the route counters in rate_buckets starts with this. */
export const HTTP_BUCKET_PREFIX = 'http:';
/** …and every key of the batched ones with this (they are purged apart: their windows differ). */
export const HTTP_BATCHED_PREFIX = `${HTTP_BUCKET_PREFIX}batched:`;

type RouteLimit = RateLimitOptions & { routeInfo?: Partial<RouteOptions> };
const routeName = (merged: RouteLimit) =>
  `${String(merged.routeInfo?.method ?? '*')} ${merged.routeInfo?.url ?? '*'}`;

/** The plugin's Redis store (not in its typed exports), for the exact limits when REDIS_URL is set. */
const PluginRedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore') as new (
  continueExceeding: boolean | undefined,
  exponentialBackoff: boolean | undefined,
  redis: Redis,
  nameSpace: string,
) => FastifyRateLimitStore;

/** The store class the plugin instantiates: each route's child is the exact store of that route. */
function sharedStore(exact: (merged: RouteLimit) => FastifyRateLimitStore) {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly root: FastifyRateLimitStore;
    constructor(options: RateLimitOptions) {
      this.root = exact(options);
    }
    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      this.root.incr(key, callback, timeWindow, max);
    }
    // The plugin passes the route's merged limit settings, with the route itself under `routeInfo`.
    child(routeOptions: RouteOptions & { path: string; prefix: string }): FastifyRateLimitStore {
      return exact(routeOptions as unknown as RouteLimit);
    }
  };
}

/** The 429 of a batched limit: the same answer as the plugin's (src/app/errors.ts words it by its status). */
const tooManyRequests = () => Object.assign(new Error('Too many requests'), { statusCode: 429 });

/**
 * An onRoute hook adding the check of `batchedRateLimit` to the routes that have it: counted under the route
 * (method and pattern, as the plugin's keys), with the plugin's headers, and the plugin's 429 beyond the limit.
 */
export function batchedRateLimitHook(batched: BatchedCounts): onRouteHookHandler {
  return (route) => {
    const limit = route.config?.batchedRateLimit;
    if (!limit) return;
    if (route.config?.rateLimit)
      throw new Error(`${route.method} ${route.url}: rateLimit and batchedRateLimit are exclusive`);
    const { max, timeWindow } = limit;
    const counts = batched.route(`${HTTP_BATCHED_PREFIX}${String(route.method)} ${route.url}:`);
    const check: onRequestHookHandler = (req, reply, done) => {
      const { current, ttl } = counts.incr(clientKey(req.ip), timeWindow, max);
      const reset = Math.ceil(ttl / 1000);
      reply.header('x-ratelimit-limit', max).header('x-ratelimit-remaining', Math.max(0, max - current));
      reply.header('x-ratelimit-reset', reset);
      if (current <= max) return done();
      reply.header('retry-after', reset);
      done(tooManyRequests());
    };
    const own = route.onRequest;
    route.onRequest = own === undefined ? [check] : [...(Array.isArray(own) ? own : [own]), check];
  };
}

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

    child(routeOptions: RouteOptions & { path: string; prefix: string }): FastifyRateLimitStore {
      const merged = routeOptions as unknown as RouteLimit;
      return new DatabaseRateLimitStore(merged, `${HTTP_BUCKET_PREFIX}${routeName(merged)}:`);
    }
  };
}

/**
 * The plugin's options for the shared store: Redis when `config.redisUrl` is set (the returned `close`
 * sends the batched counts that wait and ends the connection), the database otherwise; and the batched
 * counts sharing the same store (`batchedRateLimitHook`).
 */
export async function sharedRateLimitOptions(
  deps: StoreDeps & { config: Pick<Config, 'sessionSecret' | 'redisUrl'> },
  onRedisError: (error: Error) => void = () => {},
  batching: Partial<BatchedCountsOptions> = {},
): Promise<{ options: RateLimitPluginOptions; batched: BatchedCounts; close: () => Promise<void> }> {
  const hashed = (key: string) => keyedHash(deps.config, 'network-prefix', `http|${key}`);
  const keyGenerator = (req: { ip: string }) => hashed(clientKey(req.ip));
  const batchedOver = (shared: SharedCounts) =>
    new BatchedCounts(shared, {
      flushMs: 1000,
      maxPendingKeys: 5000,
      now: deps.now,
      onError: onRedisError,
      sharedKey: hashed,
      ...batching,
    });
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
    const nameSpace = 'prongsai:rate:';
    const batched = batchedOver(redisCounts(redis, `${nameSpace}batched:`, deps.now));
    const exact = (merged: RouteLimit) => {
      const store = new PluginRedisStore(
        merged.continueExceeding,
        merged.exponentialBackoff,
        redis,
        nameSpace,
      );
      return merged.routeInfo ? store.child(merged as never) : store;
    };
    return {
      options: { global: false, keyGenerator, store: sharedStore(exact), skipOnError: true },
      batched,
      close: async () => {
        await batched.close();
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  const Exact = databaseRateLimitStore(deps);
  const batched = batchedOver(databaseCounts(deps.db, HTTP_BATCHED_PREFIX, deps.now));
  const exact = (merged: RouteLimit) =>
    merged.routeInfo ? new Exact(merged).child(merged as never) : new Exact(merged);
  return {
    options: { global: false, keyGenerator, store: sharedStore(exact) },
    batched,
    close: () => batched.close(),
  };
}
