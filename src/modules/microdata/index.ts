// What other code may use of the microdata export: the whole year's SELECT (bench:export copies it with
// PostgreSQL's COPY to compare against the download). Owns no table.
export { wholeYearSelect } from './microdata.service.ts';
