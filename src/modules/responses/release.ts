// The release: held answers move into `survey_responses` in shuffled batches, each in a transaction of its
// own, so that no system column (xmin), storage order or time ties an answer row to the row that marks its
// respondent (used token, EIT respondent hash, approved interview), which was written with the held row.
//
// Policy — a threshold pool mix per agency, year and instrument, with k = RESPONSE_RELEASE_BATCH:
// - while the instrument's collection window is open, nothing moves until 2k answers wait; then a random
//   n − k of the n waiting are released together (at least k), and k stay to mix with later arrivals;
// - once the window has closed, everything waiting is released together (the last batch is at least k,
//   unless the whole group is smaller than k — an agency with 3 staff has an anonymity set of 3).
// Every answer is thus released in a batch of at least min(k, group size), and since a batch is a random
// subset of a pool, even the time of a mark does not say which batch holds the answer.
// Crash-safe: a batch is one transaction (insert + delete), so a crash releases all of it or none of it.
// Two instances: rows are claimed FOR UPDATE SKIP LOCKED, so a batch is never released twice.

import { randomInt } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { startLoop } from '../../app/loop.ts';
import type { DbOrTx } from '../../db/client.ts';
import { heldResponses, surveyResponses } from '../../db/schema/index.ts';
import { collectionWindow } from '../calendar/index.ts';
import { bangkokDay } from './intake.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

/** The calendar stage whose window governs each instrument's collection (EIT part 2 goes with EIT). */
const STAGE_OF: Record<string, string> = {
  IIT: 'iit_collection',
  EIT1: 'eit_collection',
  EIT2: 'eit_collection',
};

export interface ReleaseResult {
  /** Answers moved into survey_responses. */
  released: number;
  batches: number[];
}

/** Releases every group that is due (see the policy above). Safe to run at any time, on any instance. */
export async function releaseResponses(deps: Deps): Promise<ReleaseResult> {
  const groups = await deps.db
    .select({
      agencyId: heldResponses.agencyId,
      year: heldResponses.year,
      instrument: heldResponses.instrument,
      waiting: sql<number>`count(*)::int`,
    })
    .from(heldResponses)
    .groupBy(heldResponses.agencyId, heldResponses.year, heldResponses.instrument);
  const k = deps.config.responses.releaseBatch;
  const result: ReleaseResult = { released: 0, batches: [] };
  for (const { waiting, ...group } of groups) {
    const stage = STAGE_OF[group.instrument];
    // A busy group releases its n − k whatever the window (the k left go once it has closed); a quiet one
    // only once the window has closed. An instrument without a known stage is never forced out.
    const closed =
      waiting < 2 * k &&
      stage !== undefined &&
      !(await collectionWindow(deps.db, { ...group, stage }, deps.now())).open;
    if (waiting < 2 * k && !closed) continue;
    const n = await releaseGroup(deps, group, closed);
    if (n > 0) {
      result.released += n;
      result.batches.push(n);
    }
  }
  return result;
}

/** One group's release, in its own transaction: how many answers it moved (0 when none were due). */
export async function releaseGroup(
  deps: Deps,
  group: { agencyId: string; year: number; instrument: string },
  closed: boolean,
): Promise<number> {
  const k = deps.config.responses.releaseBatch;
  return deps.db.transaction(async (tx) => {
    const waiting = await tx
      .select()
      .from(heldResponses)
      .where(
        and(
          eq(heldResponses.agencyId, group.agencyId),
          eq(heldResponses.year, group.year),
          eq(heldResponses.instrument, group.instrument),
        ),
      )
      .for('update', { skipLocked: true });
    const take = closed ? waiting.length : waiting.length >= 2 * k ? waiting.length - k : 0;
    if (take === 0) return 0;
    const batch = shuffled(waiting).slice(0, take);
    // One day for the whole batch (the release's): a day per answer would split the anonymity set.
    const day = bangkokDay(deps.now());
    await insertReleased(
      tx,
      batch.map(({ id: _id, ...h }) => ({ ...h, submittedOn: day })),
    );
    await deleteHeld(
      tx,
      batch.map((h) => h.id),
    );
    return batch.length;
  });
}

export type ReleasedRow = Omit<typeof surveyResponses.$inferInsert, 'id'>;

/**
 * Writes released answers, in the order given (callers shuffle). The release is the writer; the demo seed
 * uses it too, for the synthetic history of its province.
 */
export async function insertReleased(tx: DbOrTx, rows: ReleasedRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const written = await tx
      .insert(surveyResponses)
      .values(rows.slice(i, i + 1000))
      .returning({ id: surveyResponses.id });
    ids.push(...written.map((w) => w.id));
  }
  return ids;
}

async function deleteHeld(tx: DbOrTx, ids: string[]) {
  await tx.delete(heldResponses).where(inArray(heldResponses.id, ids));
}

/** Fisher–Yates with the operating system's randomness: the order written must not be guessable. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface RunningRelease {
  /** Looks for due groups soon instead of at the next tick. */
  wake(): void;
  stop(): Promise<void>;
}

let current: RunningRelease | null = null;

/** Asks this process's releaser (if it runs one) to look for due groups now: called after each submit. */
export function wakeRelease(): void {
  current?.wake();
}

/** The background releaser: a run every `intervalMs` and on wake(), until stopped. */
export function startRelease(deps: Deps, log: FastifyBaseLogger, intervalMs = 60_000): RunningRelease {
  const loop = startLoop({
    intervalMs,
    run: async () => {
      const r = await releaseResponses(deps);
      // Counts only: a log line must not say when which group's answers moved.
      if (r.released > 0) log.debug({ batches: r.batches.length }, 'responses released');
    },
    onError: (err) => log.warn({ err }, 'response release failed; trying again later'),
  });
  const worker: RunningRelease = {
    wake: loop.wake,
    async stop() {
      await loop.stop();
      if (current === worker) current = null;
    },
  };
  current = worker;
  return worker;
}
