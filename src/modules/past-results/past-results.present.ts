// Stored past results → API JSON: names and rating labels from the year's framework; where a row came
// from is shown to NACC admins only.
import type { Actor } from '../../core/authz.ts';
import type { Framework, Localized } from '../../core/framework/schema.ts';
import type { YearComparison } from '../../core/results/index.ts';
import { roundHalfUp } from '../../core/scoring/index.ts';
import type { PastResultRow } from './past-results.repo.ts';
import type { PastResultsLine, PastYear, YearComparisonView } from './past-results.schema.ts';

export function ratingOf(framework: Framework, code: string) {
  const rule = framework.rating.rules.find((r) => r.code === code);
  // A code no longer in the year's framework (a later version renamed it) is shown as stored.
  return { code, label: rule?.label ?? { th: code }, passes: rule?.passes ?? false };
}

const scores = (
  known: Record<string, number>,
  order: readonly { code: string; name: Localized }[],
): PastYear['instruments'] =>
  order.flatMap(({ code, name }) => (known[code] === undefined ? [] : [{ code, name, score: known[code] }]));

export function presentLine(
  agencyId: string,
  rows: readonly PastResultRow[],
  frameworks: readonly Framework[],
  viewer: Actor,
): PastResultsLine {
  return {
    agencyId,
    years: rows.map((row, i): PastYear => {
      const framework = frameworks[i] as Framework;
      const before = rows[i - 1];
      return {
        year: row.year,
        total: row.total,
        rating: ratingOf(framework, row.ratingCode),
        difference: before ? roundHalfUp(row.total - before.total, framework.policy.decimals) : null,
        instruments: scores(row.instruments, framework.instruments),
        indicators: scores(row.indicators, framework.indicators),
        ...(viewer.role === 'admin'
          ? {
              source: {
                file: row.sourceFile,
                line: row.sourceLine,
                importedAt: row.importedAt.toISOString(),
              },
            }
          : {}),
      };
    }),
  };
}

export function presentComparison(
  c: YearComparison,
  current: Framework,
  previous: Framework,
): YearComparisonView {
  return {
    ...c,
    rating: {
      current: ratingOf(current, c.rating.current.code),
      previous: ratingOf(previous, c.rating.previous.code),
    },
  };
}
