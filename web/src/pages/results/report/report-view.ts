// Pure rules of the results report page: how a change from last year reads, which questions count as the
// weakest, what the page shows when nothing is published yet. No React, so they are tested on their own.
import { ApiError } from '../../../lib/api.ts';

export type Direction = 'up' | 'down' | 'same';

export interface ScoreChange {
  direction: Direction;
  /** current − previous, in score points, rounded to the report's decimals (never −0). */
  difference: number;
}

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return r === 0 ? 0 : r;
};

/**
 * The change from the previous year as the report prints it: both scores are rounded first (the reader
 * compares the printed figures, so 95.934 and 95.926 are "the same"), then subtracted; null without a
 * previous year.
 */
export function scoreChange(
  current: number,
  previous: number | null | undefined,
  decimals = 2,
): ScoreChange | null {
  if (previous === null || previous === undefined || !Number.isFinite(previous)) return null;
  const difference = round(round(current, decimals) - round(previous, decimals), decimals);
  return { direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same', difference };
}

/** "+1.83", "−0.50" (a real minus sign, as Thai documents print it), "0.00". */
export function signedScore(difference: number, decimals = 2): string {
  const text = Math.abs(difference).toFixed(decimals);
  return difference > 0 ? `+${text}` : difference < 0 ? `−${text}` : text;
}

export interface Scored {
  key: string;
  score: number | null;
}

/**
 * The questions to mark as the weakest of an instrument: the `count` lowest scores, ties at the boundary
 * included (two questions at the same score are equally weak). Nothing is marked when every question has
 * the same score (nothing stands out) or for a question at the full score. Questions without a score (not
 * asked of this agency's type, or the instrument not processed) are never marked.
 */
export function weakestKeys(items: readonly Scored[], count = 3, fullScore = 100): Set<string> {
  const scored = items.filter((i): i is { key: string; score: number } => i.score !== null);
  if (scored.length === 0 || count <= 0) return new Set();
  const scores = scored.map((i) => i.score);
  if (Math.min(...scores) === Math.max(...scores)) return new Set();
  const sorted = [...scores].sort((a, b) => a - b);
  const cut = sorted[Math.min(count, sorted.length) - 1] as number;
  return new Set(scored.filter((i) => i.score <= cut && i.score < fullScore).map((i) => i.key));
}

/** Pass or fail against the framework's threshold (seed 004: ผ่านเกณฑ์ / ไม่ผ่านเกณฑ์). */
export function passesThreshold(score: number | null, threshold: number): boolean | null {
  return score === null ? null : score >= threshold;
}

/** What the page shows instead of a report: nothing published yet, or an error to show as it is. */
export type ReportAbsence = 'not_published' | 'error';

/** The API answers 404 `results_not_published` before the publication takes effect. */
export function absenceOf(error: unknown): ReportAbsence {
  return error instanceof ApiError && error.code === 'results_not_published' ? 'not_published' : 'error';
}
