// What other modules may use of the shared fixed-window counters (rate_buckets).
export {
  bumpWindow,
  bumpWindows,
  purgeWindows,
  type WindowRow,
  windowCounts,
  windowsSince,
} from './rate-limits.repo.ts';
