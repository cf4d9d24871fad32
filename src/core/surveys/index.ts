// Public surface of the surveys core (IIT and EIT collection): pure functions only, no I/O, no clock,
// no randomness of its own. The surveys module imports from here only.

export { bandRange, bandSeconds, DURATION_BANDS, durationBand } from './duration.ts';
export {
  FAILED_OUTCOMES,
  INTERVIEW_OUTCOMES,
  INTERVIEW_STATUSES,
  type InterviewOutcome,
  type InterviewStatus,
} from './interviews.ts';
export {
  canResend,
  DEFAULT_OTP_POLICY,
  generateOtp,
  hashOtp,
  normalizeEmail,
  normalizePhone,
  type OtpChannel,
  type OtpPolicy,
  type OtpState,
  type PhoneRejection,
  type ResendDecision,
  resendOtp,
  startOtp,
  type VerifyOutcome,
  type VerifyResult,
  verifyAttempt,
} from './otp.ts';
export { type ProgressEntry, surveyProgress } from './progress.ts';
export {
  type AgencyFlagCode,
  type AgencyQualityInput,
  type AnswerItem,
  answerItems,
  answerUniformity,
  flagAgency,
  flagResponses,
  QUALITY_DEFAULTS,
  type QualityFlag,
  type QualityParams,
  type QualityResponse,
  type ResponseFlagCode,
} from './quality.ts';
export {
  type AnswerProblem,
  type AnswerProblemCode,
  type AnswerValidator,
  answerValidator,
  buildQuestionnaire,
  type Questionnaire,
  type QuestionnaireGroup,
  type QuestionnaireOption,
  type QuestionnaireQuestion,
  questionsOf,
  validateAnswers,
} from './questionnaire.ts';
export {
  type DrawInput,
  drawSample,
  newSeed,
  SAMPLING_ALGORITHM,
  type Sample,
  SEED_MIN_BYTES,
} from './sampling.ts';
export {
  type GroupRow,
  type ProtectedBreakdown,
  protectBreakdown,
  SMALL_GROUP_MINIMUM,
  type SuppressedRow,
  suppressSmallGroups,
} from './suppression.ts';
