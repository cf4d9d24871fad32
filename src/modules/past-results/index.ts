// What other modules may import from past results: an agency's imported totals (the results report's
// previous year and year-over-year line), the import as a domain function (the demo imports its agencies'
// earlier years through it, like NACC's file), and the API types.
export { type ImportedTotal, importedTotals, importedTotalsOfYear } from './past-results.queries.ts';
export type { ImportReport, PastResultsLine, PastYear } from './past-results.schema.ts';
export { importPastResults } from './past-results.service.ts';
export type { PastResultsFile } from './past-results.sheet.ts';
