// What other modules may use of the audit log: appendAudit (inside their own transaction), chain
// verification (the CLI) and the routes.

export { describeVerification } from './audit.present.ts';
export { auditRoutes } from './audit.routes.ts';
export { type AuditEvent, appendAudit, verifyChain } from './audit.service.ts';
