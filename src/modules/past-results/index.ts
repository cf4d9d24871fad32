// What other modules may import from past results: nothing yet (the results report will read an agency's
// previous year through a query function here).
export type { PastResultsLine, PastYear } from './past-results.schema.ts';
