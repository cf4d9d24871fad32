// What other modules may use of the audit log: appendAudit (inside their own transaction), chain
// verification (the CLI), the history of one entity (and the shape of an entry) and the routes.

export type { AuditEntityType } from '../../core/audit/visibility.ts';
export { describeVerification } from './audit.present.ts';
export { auditRoutes } from './audit.routes.ts';
export { type AuditEntry, ZAuditEntry } from './audit.schema.ts';
export { type AuditEvent, appendAudit, entityHistory, verifyChain } from './audit.service.ts';
