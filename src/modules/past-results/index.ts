// What other modules may import from past results: an agency's imported totals (the results report's
// previous year and year-over-year line) and the API types.

export { type ImportedTotal, importedTotals } from './past-results.queries.ts';
export type { PastResultsLine, PastYear } from './past-results.schema.ts';
