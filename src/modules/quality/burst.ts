// Burst counters: how many submissions an agency received per 10-minute window, overall and per client
// network. They live in rate_buckets under keyed hashes only (never an address, never next to an answer),
// and every write purges windows older than 24 hours, so nothing here can later re-link a response to a
// network or a time finer than the day stored with the answers.
import { keyedHash } from '../../app/secrets.ts';
import type { Config } from '../../config.ts';
import { networkPrefix } from '../../core/client-address.ts';
import { windowStartOf } from '../../core/windows.ts';
import type { DbOrTx } from '../../db/client.ts';
import { bumpWindow, bumpWindows, purgeWindows, windowsSince } from '../rate-limits/index.ts';

export const BURST_WINDOW_MINUTES = 10;
const WINDOW_SECONDS = BURST_WINDOW_MINUTES * 60;
export const BURST_RETENTION_MS = 24 * 60 * 60_000;
/** Every key of these counters starts with this; purges match it. */
const BURST_TAG = 'burst:';
/** Tags keep these counters apart from other rate limits sharing the table; the rest of the key is a hash. */
const AGENCY_TAG = 'burst:agency:';
const NETWORK_TAG = 'burst:net:';

type HashConfig = Pick<Config, 'sessionSecret'>;

export { networkPrefix };

/** The agency's own counter key; also the stem of its per-network keys, so they can be found by prefix. */
export function agencyBurstKey(config: HashConfig, agencyId: string): string {
  return `${AGENCY_TAG}${keyedHash(config, 'network-prefix', `${agencyId}|*`)}`;
}
function networkStem(config: HashConfig, agencyId: string): string {
  return `${NETWORK_TAG}${keyedHash(config, 'network-prefix', `${agencyId}|*`)}.`;
}
function networkBurstKey(config: HashConfig, agencyId: string, prefix: string): string {
  return `${networkStem(config, agencyId)}${keyedHash(config, 'network-prefix', `${agencyId}|${prefix}`)}`;
}

export interface NoteSubmission {
  agencyId: string;
  /** Accepted for the caller's convenience; windows last minutes, so the year does not split them. */
  year: number;
  clientIp: string;
  now: Date;
  config: HashConfig;
}

/**
 * Counts one accepted submission. Call it inside the submission's transaction (so a rolled-back submission
 * is not counted). Returns the counts of the current window, for callers that want to throttle.
 */
export async function noteSubmission(
  tx: DbOrTx,
  input: NoteSubmission,
): Promise<{ agency: number; network: number | null }> {
  const windowStart = windowStartOf(input.now, WINDOW_SECONDS);
  await purgeWindows(tx, BURST_TAG, new Date(input.now.getTime() - BURST_RETENTION_MS));
  const agency = await bumpWindow(tx, agencyBurstKey(input.config, input.agencyId), windowStart);
  const prefix = networkPrefix(input.clientIp);
  const network =
    prefix === null
      ? null
      : await bumpWindow(tx, networkBurstKey(input.config, input.agencyId, prefix), windowStart);
  return { agency, network };
}

/**
 * Submissions already committed, counted in memory and added to rate_buckets once a second (one upsert per
 * key and window, and the purge): a per-request upsert of the agency's row inside the submission's
 * transaction made every submission to an agency wait for the previous one's COMMIT. At most the last
 * second of counts is lost if the process dies; nothing is counted that was not committed.
 */
interface Tally {
  pending: Map<string, { agencyId: string; prefix: string | null; windowStart: Date; n: number }>;
  config: HashConfig;
  timer?: NodeJS.Timeout;
}
const tallies = new WeakMap<object, Tally>();
export const BURST_FLUSH_MS = 1000;

export function tallySubmission(db: DbOrTx, input: NoteSubmission): void {
  let tally = tallies.get(db);
  if (!tally) {
    tally = { pending: new Map(), config: input.config };
    tallies.set(db, tally);
  }
  const windowStart = windowStartOf(input.now, WINDOW_SECONDS);
  const prefix = networkPrefix(input.clientIp);
  const id = `${input.agencyId}|${prefix ?? ''}|${windowStart.getTime()}`;
  const entry = tally.pending.get(id);
  if (entry) entry.n++;
  else tally.pending.set(id, { agencyId: input.agencyId, prefix, windowStart, n: 1 });
  tally.timer ??= setTimeout(() => {
    void flushSubmissionTallies(db).catch((error: unknown) => {
      process.stderr.write(`burst counters: flush failed: ${String(error)}\n`);
    });
  }, BURST_FLUSH_MS).unref();
}

/** Writes the counts noted so far (also on shutdown, and in tests before reading them). */
export async function flushSubmissionTallies(db: DbOrTx, now = new Date()): Promise<void> {
  const tally = tallies.get(db);
  if (!tally) return;
  clearTimeout(tally.timer);
  tally.timer = undefined;
  const sums = new Map<string, { key: string; windowStart: Date; n: number }>();
  const add = (key: string, windowStart: Date, n: number) => {
    const id = `${key}|${windowStart.getTime()}`;
    const sum = sums.get(id);
    if (sum) sum.n += n;
    else sums.set(id, { key, windowStart, n });
  };
  for (const e of tally.pending.values()) {
    add(agencyBurstKey(tally.config, e.agencyId), e.windowStart, e.n);
    if (e.prefix !== null) add(networkBurstKey(tally.config, e.agencyId, e.prefix), e.windowStart, e.n);
  }
  tally.pending.clear();
  if (sums.size === 0) return;
  await purgeWindows(db, BURST_TAG, new Date(now.getTime() - BURST_RETENTION_MS));
  // One statement for all the keys: one upsert per key was one commit per client network each second.
  await bumpWindows(
    db,
    [...sums.values()].map((s) => ({ key: s.key, windowStart: s.windowStart, by: s.n })),
  );
}

/**
 * The agency's counts per window still kept (the last 24 hours): overall, and the busiest single network
 * in each window. Windows without submissions are simply absent.
 */
export async function burstWindows(
  db: DbOrTx,
  config: HashConfig,
  agencyId: string,
  now: Date,
): Promise<{ windowMinutes: number; agency: number[]; busiestNetwork: number[] }> {
  const since = new Date(now.getTime() - BURST_RETENTION_MS);
  const agencyKey = agencyBurstKey(config, agencyId);
  const stem = networkStem(config, agencyId);
  // At most one row per window for the agency and one per network and window: few enough to fold here.
  const rows = await windowsSince(db, { key: agencyKey, prefix: stem }, since);
  const agency: number[] = [];
  const busiest = new Map<number, number>();
  for (const r of rows) {
    if (r.key === agencyKey) agency.push(r.count);
    else busiest.set(r.windowStart.getTime(), Math.max(busiest.get(r.windowStart.getTime()) ?? 0, r.count));
  }
  return {
    windowMinutes: BURST_WINDOW_MINUTES,
    agency,
    busiestNetwork: [...busiest.values()],
  };
}
