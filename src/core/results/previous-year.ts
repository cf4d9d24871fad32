// Which result of an earlier year stands for an agency (issue 10 §3, reused by lessons learned in issue 11 §4):
// the year's publication in effect wins over a result imported from before this system; a year known only
// from the import keeps the imported figures. One rule for the agency's report and for every scope-wide
// comparison with last year. Pure: the callers read the published and imported rows.

export type EarlierSource = 'run' | 'imported';

export interface EarlierFigures {
  year: number;
  total: number;
  ratingCode: string;
}

/** The figures standing for each earlier year, by year, with where they came from. */
export function earlierResultsByYear(
  published: readonly EarlierFigures[],
  imported: readonly EarlierFigures[],
): Map<number, EarlierFigures & { source: EarlierSource }> {
  const byYear = new Map<number, EarlierFigures & { source: EarlierSource }>();
  for (const r of imported) byYear.set(r.year, { ...r, source: 'imported' });
  for (const r of published) byYear.set(r.year, { ...r, source: 'run' });
  return byYear;
}
