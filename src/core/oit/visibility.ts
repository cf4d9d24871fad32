// What of an agency's OIT assessment a viewer may see, by role and the assessment's status. The one rule for
// every place that shows assessors' work — the assessment view, a write's result, an item's history, the
// audit log API, and exports and reports to come: item scores, components found, the assessor's comment and
// advice, the score before a clarification, clarification decisions and the OIT score are the assessors'
// working material until they submit the assessment; the agency and its supervisors see them from then on.
import type { Role } from '../authz.ts';
import { assertNever } from '../exhaustive.ts';
import type { OitReviewStatus } from './states.ts';

/** Whether the viewer may see the assessors' scores, comments and advice of an agency-year in `status`. */
export function assessmentVisible(role: Role, status: OitReviewStatus | null): boolean {
  switch (role) {
    case 'admin':
    case 'assessor':
      return true;
    case 'supervisor':
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
      return status !== null && submittedStatus(status);
    default:
      return assertNever(role);
  }
}

/** Whether the assessors have submitted the assessment (it stays submitted: reopening returns to assessed). */
export function submittedStatus(status: OitReviewStatus): boolean {
  switch (status) {
    case 'answering':
    case 'awaiting_approval':
    case 'approved':
      return false;
    case 'assessed':
    case 'confirmed':
      return true;
    default:
      return assertNever(status);
  }
}
