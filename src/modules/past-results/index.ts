// What other modules may import from past results: the import as a domain function (the demo imports its
// agencies' earlier years through it, like NACC's file), and the types of an agency's line.
export type { ImportReport, PastResultsLine, PastYear } from './past-results.schema.ts';
export { importPastResults } from './past-results.service.ts';
export type { PastResultsFile } from './past-results.sheet.ts';
