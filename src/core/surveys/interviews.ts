// The closed lists of an EIT part-2 interview: how the call ended and where its review stands. The
// database (eit2_interviews' CHECK constraints) and the API schemas both hold to these.

export const INTERVIEW_OUTCOMES = ['completed', 'refused', 'unreachable', 'wrong_number'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];
/** Outcomes after which the contact is replaced by the next reserve. */
export const FAILED_OUTCOMES: readonly InterviewOutcome[] = ['refused', 'unreachable', 'wrong_number'];

export const INTERVIEW_STATUSES = ['entered', 'approved', 'rejected'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
