// What the import page shows of a report: whether the checked file may be stored, and every problem as a
// line with its place in the file, in the reader's language.
import type { ImportReport } from '../../api/past-results.ts';
import { ApiError } from '../../lib/api.ts';
import type { Lang } from '../../lib/format.ts';

export interface ProblemLine {
  key: string;
  line: number;
  column: string | null;
  message: string;
}

/** A checked file may be stored when it has rows and none of them (nor the file) has a problem. */
export function mayStore(report: ImportReport): boolean {
  return (
    report.problems.length === 0 &&
    report.counts.rows > 0 &&
    report.counts.invalid === 0 &&
    report.counts.conflict === 0
  );
}

/** Every problem of the file, then of its rows, in file order. */
export function problemLines(report: ImportReport, lang: Lang): ProblemLine[] {
  const all = [...report.problems, ...report.rows.flatMap((r) => r.problems)];
  return all.map((p, i) => ({
    key: `${p.line}:${p.column ?? ''}:${i}`,
    line: p.line,
    column: p.column,
    message: lang === 'th' ? p.th : p.en,
  }));
}

/** The report a refused import carries (400 `past_results_invalid`), if the error is one. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.code !== 'past_results_invalid') return null;
  const d = error.details as Partial<ImportReport> | undefined;
  return d && Array.isArray(d.rows) && Array.isArray(d.problems) && d.counts ? (d as ImportReport) : null;
}
