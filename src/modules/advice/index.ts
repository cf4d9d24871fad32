// What other modules may use of the assessors' advice: the snapshot a processing run stores (one query per
// chunk of agencies) and the audit log's visibility condition of its entries.
export { adviceEntityId, adviceEntityIn, adviceSnapshots } from './advice.queries.ts';
// The save as a domain function: the demo's finished year has its assessors' advice written through it.
export { putAdvice } from './advice.service.ts';
