// Fixed-window counters in rate_buckets, this module's API (counting is its domain), shared by every module
// that counts events there (OTP requests, IIT access failures, submission bursts). Each module owns a key prefix ('otp:', 'iit-access:', 'burst:')
// and its keys are keyed hashes; window starts come from windowStartOf (src/core/windows.ts).
// Pass the transaction when the count must roll back with the caller's work.
import { and, eq, gte, inArray, like, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rateBuckets } from '../../db/schema/index.ts';

/** Counts `by` events under `key` in the window starting at `windowStart`; returns the window's new count. */
export async function bumpWindow(db: DbOrTx, key: string, windowStart: Date, by = 1): Promise<number> {
  const [row] = await db
    .insert(rateBuckets)
    .values({ key, windowStart, count: by })
    .onConflictDoUpdate({
      target: [rateBuckets.key, rateBuckets.windowStart],
      set: { count: sql`${rateBuckets.count} + excluded.count` },
    })
    .returning({ count: rateBuckets.count });
  return row?.count ?? by;
}

/**
 * Adds to many counters in one statement (each key and window at most once among `counts`). Rows are
 * written in key order, so that two processes adding to overlapping keys at once cannot deadlock.
 */
export async function bumpWindows(
  db: DbOrTx,
  counts: readonly { key: string; windowStart: Date; by: number }[],
): Promise<void> {
  await addToWindows(db, counts);
}

/**
 * Adds to many counters in one statement per 5,000 (each key and window at most once among `counts`, rows
 * written in key order as bumpWindows does) and returns each counter's new count, in the order of `counts`.
 */
export async function addToWindows(
  db: DbOrTx,
  counts: readonly { key: string; windowStart: Date; by: number }[],
): Promise<number[]> {
  const slot = (key: string, windowMs: number) => `${windowMs}|${key}`;
  const totals = new Map<string, number>();
  for (let i = 0; i < counts.length; i += 5000) {
    // One parameter a batch (JSON), however many rows: building and sending thousands of parameters cost
    // more than the upsert itself.
    const rows = counts
      .slice(i, i + 5000)
      .map((c) => ({ k: c.key, w: c.windowStart.toISOString(), n: c.by }));
    const got = await db.execute<{ key: string; ms: number | string; count: number }>(sql`
      insert into ${rateBuckets} (key, window_start, count)
      select r.k, r.w, r.n from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(k text, w timestamptz, n int)
      order by r.k, r.w
      on conflict (key, window_start) do update set count = ${rateBuckets}.count + excluded.count
      returning key, (extract(epoch from window_start) * 1000)::float8 as ms, count`);
    for (const r of got.rows) totals.set(slot(r.key, Number(r.ms)), Number(r.count));
  }
  return counts.map((c) => totals.get(slot(c.key, c.windowStart.getTime())) ?? c.by);
}

/** The counts of these keys in one window; a key without a row counts 0. */
export async function windowCounts(
  db: DbOrTx,
  keys: readonly string[],
  windowStart: Date,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(keys.map((key) => [key, 0]));
  if (keys.length === 0) return counts;
  const rows = await db
    .select({ key: rateBuckets.key, count: rateBuckets.count })
    .from(rateBuckets)
    .where(and(eq(rateBuckets.windowStart, windowStart), inArray(rateBuckets.key, [...keys])));
  for (const r of rows) counts.set(r.key, r.count);
  return counts;
}

export interface WindowRow {
  key: string;
  windowStart: Date;
  count: number;
}

/** Every window started at or after `since` of the key itself or of any key starting with `prefix`. */
export async function windowsSince(
  db: DbOrTx,
  match: { key: string; prefix: string },
  since: Date,
): Promise<WindowRow[]> {
  return db
    .select({ key: rateBuckets.key, windowStart: rateBuckets.windowStart, count: rateBuckets.count })
    .from(rateBuckets)
    .where(
      and(
        gte(rateBuckets.windowStart, since),
        or(eq(rateBuckets.key, match.key), sql`starts_with(${rateBuckets.key}, ${match.prefix})`),
      ),
    );
}

/** Deletes the windows under `keyPrefix` that started before `startedBefore` (ended windows of one module). */
export async function purgeWindows(db: DbOrTx, keyPrefix: string, startedBefore: Date): Promise<void> {
  if (keyPrefix === '')
    throw new Error('purgeWindows needs a key prefix: other modules count in the same table');
  await db
    .delete(rateBuckets)
    .where(
      and(like(rateBuckets.key, `${escapeLike(keyPrefix)}%`), lt(rateBuckets.windowStart, startedBefore)),
    );
}

// The prefixes in use hold no LIKE wildcards; escaping keeps a future one from matching other modules' keys.
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
