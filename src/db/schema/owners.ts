// Which module owns each table: only the owner imports it from src/db/schema (others call the owner's
// exported functions), with no exception but the whole-database tools below. Checked by
// scripts/check-table-owners.ts in `npm run lint:deps`; a new table without an owner here does not type-check. `ops` is src/ops (operator tooling), the other owners are src/modules/<name>.
import type { PgTable } from 'drizzle-orm/pg-core';
import type * as schema from './index.ts';

type Schema = typeof schema;
export type TableName = { [K in keyof Schema]: Schema[K] extends PgTable ? K : never }[keyof Schema];

export const TABLE_OWNERS = {
  agencies: 'agencies',
  participations: 'agencies',
  provinces: 'reference',
  ministries: 'reference',
  users: 'users',
  supervisorScopes: 'users',
  assessorAssignments: 'users',
  sessions: 'auth',
  passwordResets: 'auth',
  auditLog: 'audit',
  auditCheckpoints: 'audit',
  frameworkVersions: 'frameworks',
  frameworkDrafts: 'frameworks',
  stageExtensions: 'calendar',
  cycleClosures: 'calendar',
  stakeholderData: 'stakeholders',
  eitContacts: 'stakeholders',
  surveyAccess: 'iit-access',
  surveyTokenBatches: 'iit-access',
  surveyTokens: 'iit-access',
  usedSurveyTokens: 'respond',
  iitCapNotices: 'respond',
  eitRespondents: 'respond',
  surveyResponses: 'responses',
  heldResponses: 'responses',
  submissionReceipts: 'responses',
  responseReviews: 'responses',
  otpChallenges: 'otp',
  otpSealedDestinations: 'otp',
  smsDailyUsage: 'otp',
  eit2Samples: 'interviews',
  eit2Interviews: 'interviews',
  oitReviews: 'oit',
  oitAnswers: 'oit',
  oitScores: 'oit',
  oitClarifications: 'oit',
  evidenceSnapshots: 'evidence',
  evidenceBodies: 'evidence',
  rateBuckets: 'rate-limits',
  keyFingerprints: 'ops',
  startupMarks: 'ops',
  pastResults: 'past-results',
  processingRuns: 'results',
  agencyResults: 'results',
  publications: 'results',
  assessorAdvice: 'advice',
  lessonsTargets: 'lessons',
  notices: 'notices',
  supervisionPlans: 'plans',
  measureDocuments: 'measures',
  agencyDivisions: 'measures',
  measureLibrary: 'measures',
  measureProgress: 'measures',
  measureProgressFiles: 'measures',
  measureProgressFileBodies: 'measures',
} as const satisfies Record<TableName, string>;

/**
 * Whole-database tools that read or write every table by design: the demo seed (fixture data, refused in
 * production) and src/ops (backup, restore, key rotation).
 */
export const WHOLE_DATABASE_TOOLS: readonly string[] = ['demo', 'ops'];
