// What other modules may use of EIT part 2: a condition naming its samples and interviews in the agency-years
// an assessor is assigned to (the audit log's readers). Its routes are registered from src/modules/index.ts.
export {
  eit2EntityIn,
  interviewsAwaitingReviewByInterviewerIn,
  interviewsAwaitingReviewIn,
  sampleDrawn,
  samplesDrawnIn,
} from './interviews.queries.ts';
