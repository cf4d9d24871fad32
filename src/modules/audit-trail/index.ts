// The reading side of the audit log, wired to the modules that own what its visibility rule needs: the
// agencies' scope, assessors' assignments, EIT part-2 samples and interviews. The audit module sits below
// every module (all of them append entries) and cannot import these; this module may. OIT passes its own
// status reader (this module must not import OIT, which reads item histories through it).
export { auditReaders } from './audit-trail.readers.ts';
