// The approval chain of a measures document (issue 12 §1): the agency admin prepares it, someone else in the
// agency reviews it (an agency admin or the executive, never the one who prepared it), the executive approves
// it. Only a draft is edited; an approved version is locked for good (a revision is a new version, a draft
// copied from it). Pure.
import { assertNever } from '../exhaustive.ts';

export const MEASURES_STATUSES = ['draft', 'prepared', 'reviewed', 'approved'] as const;
export type MeasuresStatus = (typeof MEASURES_STATUSES)[number];

export const MEASURES_STEPS = ['prepare', 'review', 'approve', 'return'] as const;
export type MeasuresStep = (typeof MEASURES_STEPS)[number];

/** The status a step leads to from `from`, or null when the step does not apply. */
export function nextStatus(from: MeasuresStatus, step: MeasuresStep): MeasuresStatus | null {
  switch (step) {
    case 'prepare':
      return from === 'draft' ? 'prepared' : null;
    case 'review':
      return from === 'prepared' ? 'reviewed' : null;
    case 'approve':
      return from === 'reviewed' ? 'approved' : null;
    case 'return':
      return from === 'prepared' || from === 'reviewed' ? 'draft' : null;
    default:
      return assertNever(step);
  }
}

export const isEditable = (s: MeasuresStatus) => s === 'draft';
export const isLocked = (s: MeasuresStatus) => s === 'approved';
