// What other modules may use of the assessors' advice: the snapshot a processing run stores (read per chunk).
export { adviceSnapshots } from './advice.queries.ts';
