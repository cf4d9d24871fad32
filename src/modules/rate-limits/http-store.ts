// Where @fastify/rate-limit keeps its per-route counters: never in one process's memory alone, so that several
// app instances behind one address count together (README "Running several instances"). By default in
// rate_buckets (PostgreSQL or embedded PGlite, fixed windows, one atomic upsert per request); in Redis when
// REDIS_URL is set (the plugin's own Redis store: an atomic Lua INCR + PEXPIRE). A route whose config says
// `rateLimitCounting: 'batched'` (the busy public reads) is counted in this process and added to the same
// shared store in batches about every second (batched-counts.ts: the bound on what several instances may
// admit together is documented there). Either way a client is counted by a keyed hash of its address (IPv4)
// or /64 (IPv6), never by the address itself.
import { createRequire } from 'node:module';
import type { FastifyRateLimitStore, RateLimitOptions, RateLimitPluginOptions } from '@fastify/rate-limit';
import type { RouteOptions } from 'fastify';
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
    /** 'batched': the route's limit is counted here and shared in batches (batched-counts.ts); else exactly. */
    rateLimitCounting?: 'exact' | 'batched';
  }
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

/**
 * The store class the plugin instantiates: each route's child is the exact store, or — for a route counted
 * in batches — this process's counts, shared through `batched`.
 */
function sharedStore(exact: (merged: RouteLimit) => FastifyRateLimitStore, batched: BatchedCounts) {
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
      const merged = routeOptions as unknown as RouteLimit;
      if (merged.routeInfo?.config?.rateLimitCounting !== 'batched') return exact(merged);
      if (merged.continueExceeding || merged.exponentialBackoff)
        throw new Error('batched rate-limit counting keeps fixed windows only');
      const prefix = `${HTTP_BATCHED_PREFIX}${routeName(merged)}:`;
      const store: FastifyRateLimitStore = {
        incr: (key, callback, timeWindow) => callback(null, batched.incr(`${prefix}${key}`, timeWindow)),
        child: () => store,
      };
      return store;
    }
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
 * sends the batched counts that wait and ends the connection), the database otherwise.
 */
export async function sharedRateLimitOptions(
  deps: StoreDeps & { config: Pick<Config, 'sessionSecret' | 'redisUrl'> },
  onRedisError: (error: Error) => void = () => {},
  batching: Partial<BatchedCountsOptions> = {},
): Promise<{ options: RateLimitPluginOptions; close: () => Promise<void> }> {
  const keyGenerator = (req: { ip: string }) =>
    keyedHash(deps.config, 'network-prefix', `http|${clientKey(req.ip)}`);
  const batchedOver = (shared: SharedCounts) =>
    new BatchedCounts(shared, {
      flushMs: 1000,
      maxPendingKeys: 5000,
      now: deps.now,
      onError: onRedisError,
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
      options: { global: false, keyGenerator, store: sharedStore(exact, batched), skipOnError: true },
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
    options: { global: false, keyGenerator, store: sharedStore(exact, batched) },
    close: () => batched.close(),
  };
}
