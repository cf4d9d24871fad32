// What the processing screen decides about runs, kept pure for tests: how far a run is and for how long it
// has run, which run a finished one is compared with by default, and the order of the changes table.
import type { Publication, Run, RunChanges } from '../../api/results.ts';
import { ApiError } from '../../lib/api.ts';
import type { Lang } from '../../lib/format.ts';

/** Share of the run's agencies done, 0–100 (0 while the worker has not counted them yet). */
export function progressPercent(run: Pick<Run, 'progress'>): number {
  const { done, total } = run.progress;
  if (total <= 0) return 0;
  return Math.min(100, Math.round((done / total) * 100));
}

/**
 * How long the run has been processing (from its start to its end, or to now while it runs); null while it
 * waits in the queue.
 */
export function elapsedMs(run: Pick<Run, 'startedAt' | 'finishedAt'>, now: Date): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? new Date(run.finishedAt) : now;
  return Math.max(0, end.getTime() - new Date(run.startedAt).getTime());
}

/** "2 นาที 05 วินาที" / "2 min 05 s"; under a minute only seconds. */
export function formatDuration(ms: number, lang: Lang): string {
  const seconds = Math.floor(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const sec = lang === 'th' ? 'วินาที' : 's';
  if (m === 0) return `${s} ${sec}`;
  const min = lang === 'th' ? 'นาที' : 'min';
  return `${m} ${min} ${String(s).padStart(2, '0')} ${sec}`;
}

export const shortHash = (hash: string | null): string => (hash ? hash.slice(0, 12) : '—');

/** The finished runs a run can be compared with (every other done run or preview of the year). */
export function comparableRuns(run: Pick<Run, 'id'>, runs: readonly Run[]): Run[] {
  return runs.filter((r) => r.id !== run.id && r.status === 'done');
}

/**
 * The run compared with by default: the run of the publication in effect (what agencies see now), else the
 * previous finished run (kind `run`) before this one; null when there is none.
 */
export function defaultAgainst(
  run: Pick<Run, 'id' | 'createdAt'>,
  runs: readonly Run[],
  publications: readonly Pick<Publication, 'runId' | 'state'>[],
): string | null {
  const candidates = comparableRuns(run, runs);
  const published = publications.find((p) => p.state === 'in_effect')?.runId;
  if (published && candidates.some((r) => r.id === published)) return published;
  const earlier = candidates
    .filter((r) => r.kind === 'run' && r.createdAt < run.createdAt)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return earlier[0]?.id ?? null;
}

/** The answer to a second start while a run of the year is queued or running (409 `run_in_progress`). */
export const isRunInProgress = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 409 && error.code === 'run_in_progress';

/** The queued or running run of the year (at most one: the server allows no second). */
export const activeRunOf = (runs: readonly Run[]): Run | undefined =>
  runs.find((r) => r.status === 'queued' || r.status === 'running');

export type ChangeRow = RunChanges['items'][number];
export type ChangeSort = 'agency' | 'before' | 'after' | 'difference';
export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('th');

/**
 * The changes table in the order asked for. Agencies missing from one run (no difference) go last either
 * way; "difference" sorts by size of the change, so the largest moves lead when descending.
 */
export function sortChanges(items: readonly ChangeRow[], by: ChangeSort, dir: SortDirection): ChangeRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const key = (r: ChangeRow): number | null =>
    by === 'before'
      ? (r.before?.total ?? null)
      : by === 'after'
        ? (r.after?.total ?? null)
        : r.difference === null
          ? null
          : Math.abs(r.difference);
  return [...items].sort((a, b) => {
    if (by === 'agency') return sign * collator.compare(a.nameTh ?? a.code ?? '', b.nameTh ?? b.code ?? '');
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
    return sign * (ka - kb) || collator.compare(a.nameTh ?? '', b.nameTh ?? '');
  });
}

/** "+1.25" / "−0.50" / "0.00": the sign always shown, so a drop is not misread as a rise. */
export function signedScore(n: number): string {
  if (n > 0) return `+${n.toFixed(2)}`;
  if (n < 0) return `−${Math.abs(n).toFixed(2)}`;
  return '0.00';
}
