// What other modules may use of the assessors' advice: the snapshot a processing run stores (one query per
// chunk of agencies) and the audit log's visibility condition of its entries.
export { adviceEntityId, adviceEntityIn, adviceSnapshots } from './advice.queries.ts';
