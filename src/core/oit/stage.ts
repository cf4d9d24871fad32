// Which calendar stage an agency's OIT is in: the stage of its next step, whose last day is its deadline.
// The framework's calendar may let stages overlap once a NACC admin extends one for an agency, so the stage
// follows from where the agency's OIT stands, not from the date alone. Pure: no I/O.
import type { OitReviewStatus } from './states.ts';

/** The calendar stages of the OIT workflow (codes of the framework calendar), in order. */
export const OIT_STAGES = ['oit_answering', 'oit_scoring', 'clarification', 'confirmation'] as const;
export type OitStageCode = (typeof OIT_STAGES)[number];

/**
 * The stage of the agency's next step: answering and approval, then scoring, then the agency's clarification
 * round, then the assessor's decisions and confirmation; null once confirmed. An assessed agency is in the
 * clarification round until that round is over for it (`clarificationOver`), unless it has already filed a
 * clarification that waits for the assessor (`undecided` > 0).
 */
export function oitStageOf(
  status: OitReviewStatus,
  facts: { undecided: number; clarificationOver: boolean },
): OitStageCode | null {
  switch (status) {
    case 'answering':
    case 'awaiting_approval':
      return 'oit_answering';
    case 'approved':
      return 'oit_scoring';
    case 'assessed':
      return facts.undecided === 0 && !facts.clarificationOver ? 'clarification' : 'confirmation';
    case 'confirmed':
      return null;
  }
}
