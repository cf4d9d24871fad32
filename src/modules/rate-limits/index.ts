// What other modules may use of the shared fixed-window counters (rate_buckets), and the store of the
// per-route HTTP limits.

export { databaseRateLimitStore, HTTP_BUCKET_PREFIX, sharedRateLimitOptions } from './http-store.ts';
export {
  bumpWindow,
  bumpWindows,
  purgeWindows,
  type WindowRow,
  windowCounts,
  windowsSince,
} from './rate-limits.repo.ts';
