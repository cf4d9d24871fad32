import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../api/past-results.ts';
import { ApiError } from '../../lib/api.ts';
import { mayStore, problemLines, reportOf } from './report.ts';

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  dryRun: true,
  stored: false,
  file: 'past.csv',
  problems: [],
  rows: [
    {
      line: 2,
      status: 'new',
      agencyCode: 'A1',
      agencyId: '00000000-0000-4000-8000-000000000001',
      year: 2567,
      total: 90,
      rating: { code: 'good', label: { th: 'ผ่านดี', en: 'Good' }, passes: true },
      problems: [],
    },
  ],
  counts: { rows: 1, new: 1, replace: 0, conflict: 0, invalid: 0 },
  ...over,
});
const problem = (line: number, column: string | null) => ({
  line,
  column,
  th: `ไทย ${line}`,
  en: `English ${line}`,
});

describe('mayStore', () => {
  it('allows a file whose rows are all new or replacements', () => {
    expect(mayStore(report())).toBe(true);
    expect(mayStore(report({ counts: { rows: 1, new: 0, replace: 1, conflict: 0, invalid: 0 } }))).toBe(true);
  });

  it('refuses a file with a conflict, an invalid row, a file problem or no rows', () => {
    expect(mayStore(report({ counts: { rows: 1, new: 0, replace: 0, conflict: 1, invalid: 0 } }))).toBe(
      false,
    );
    expect(mayStore(report({ counts: { rows: 1, new: 0, replace: 0, conflict: 0, invalid: 1 } }))).toBe(
      false,
    );
    expect(mayStore(report({ problems: [problem(1, 'rating')] }))).toBe(false);
    expect(
      mayStore(report({ rows: [], counts: { rows: 0, new: 0, replace: 0, conflict: 0, invalid: 0 } })),
    ).toBe(false);
  });
});

describe('problemLines', () => {
  it('lists the file’s problems first, then each row’s, in the reader’s language', () => {
    const r = report({
      problems: [problem(1, 'fiscal_year')],
      rows: [
        {
          ...report().rows[0],
          line: 3,
          status: 'invalid',
          problems: [problem(3, 'total'), problem(3, null)],
        } as ImportReport['rows'][number],
      ],
    });
    expect(problemLines(r, 'th').map((p) => [p.line, p.column, p.message])).toEqual([
      [1, 'fiscal_year', 'ไทย 1'],
      [3, 'total', 'ไทย 3'],
      [3, null, 'ไทย 3'],
    ]);
    expect(problemLines(r, 'en')[0]?.message).toBe('English 1');
  });
});

describe('reportOf', () => {
  it('reads the report of a refused import and nothing else', () => {
    const r = report({ dryRun: false });
    expect(reportOf(new ApiError(400, 'past_results_invalid', 'ไทย', 'English', r))).toEqual(r);
    expect(reportOf(new ApiError(400, 'bad_request', 'ไทย', 'English', r))).toBeNull();
    expect(reportOf(new ApiError(400, 'past_results_invalid', 'ไทย', 'English', [{ path: 'x' }]))).toBeNull();
    expect(reportOf(new Error('x'))).toBeNull();
  });
});
