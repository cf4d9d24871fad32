// What other modules may use of the shared fixed-window counters (rate_buckets), and the store of the
// per-route HTTP limits.

export {
  BatchedCounts,
  databaseCounts,
  RouteCounts,
  redisCounts,
  type SharedCounts,
} from './batched-counts.ts';
export {
  addToWindows,
  bumpWindow,
  bumpWindows,
  purgeWindows,
  type WindowRow,
  windowCounts,
  windowsSince,
} from './counters.ts';
export {
  type BatchedRateLimit,
  batchedRateLimitHook,
  databaseRateLimitStore,
  HTTP_BATCHED_PREFIX,
  HTTP_BUCKET_PREFIX,
  sharedRateLimitOptions,
} from './http-store.ts';
