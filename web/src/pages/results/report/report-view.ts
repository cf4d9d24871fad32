// Pure rules of the results report page: how a change from last year reads, how questions are grouped and
// their weakest listed, what the page shows when nothing is published yet. No React, so they are tested on their own.
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

/** Items that share a key (an instrument, a sub-indicator), in the order they come. */
export interface Group<T> {
  key: string;
  items: T[];
}

/** Groups items by a key, keeping both the order of the groups and of the items (the framework's order). */
export function groupInOrder<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups].map(([key, list]) => ({ key, items: list }));
}

/**
 * The display codes of the questions the report marks weakest (the server's rule decides which), lowest
 * score first, as the summary lists them: "i12, ES2, EP4".
 */
export function weakestCodes(
  questions: readonly { displayCode: string; score: number; weakest: boolean }[],
  limit = 6,
): string[] {
  return questions
    .filter((q) => q.weakest)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((q) => q.displayCode);
}

export interface HistoryRow {
  year: number;
  total: number;
  /** Change from the row before (two decimals); null for the first. */
  change: ScoreChange | null;
}

/** Year-over-year rows, oldest first, each with its change from the year listed before it. */
export function historyRows(points: readonly { year: number; total: number }[]): HistoryRow[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  return sorted.map((p, i) => ({
    year: p.year,
    total: p.total,
    change: scoreChange(p.total, sorted[i - 1]?.total),
  }));
}

/** What the indicator chart's description says: how many pass, and the lowest one. */
export function indicatorFacts(
  indicators: readonly { name: string; score: number | null; passes: boolean | null }[],
): { count: number; passed: number; lowest: { name: string; score: number } | null } {
  let lowest: { name: string; score: number } | null = null;
  for (const i of indicators)
    if (i.score !== null && (lowest === null || i.score < lowest.score))
      lowest = { name: i.name, score: i.score };
  return { count: indicators.length, passed: indicators.filter((i) => i.passes === true).length, lowest };
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

/**
 * The newest of an agency's years whose results are out (a publication in effect, or embargoed for the
 * NACC admins who see those), else its newest year (whose page then says when results come): where
 * "ผลการประเมิน" in the menu and on the home page leads. `states` holds each year's publication states, as
 * far as they are known; null without any year.
 */
export function reportYear(
  years: readonly number[],
  states: ReadonlyMap<number, readonly string[]>,
): number | null {
  const sorted = [...new Set(years)].sort((a, b) => b - a);
  const out = sorted.find((y) => (states.get(y) ?? []).some((s) => s === 'in_effect' || s === 'embargoed'));
  return out ?? sorted[0] ?? null;
}
