// Who may read which audit entries, and what of them. The audit API must never reveal to a role what the
// data's own endpoint would not: each kind of entry names the authorization action that guards that data
// (a unit test checks the two agree for every role), and entries of the OIT assessment follow the OIT
// visibility rule (core/oit/visibility.ts). Closed lists throughout: an entity type without a row here does
// not compile where it is written (appendAudit), and a role without a decision does not compile here.
import { type Action, type Actor, ROLES, type Role } from '../authz.ts';
import { assertNever } from '../exhaustive.ts';
import type { OitReviewStatus } from '../oit/states.ts';
import { assessmentVisible } from '../oit/visibility.ts';

export const AUDIT_ENTITY_TYPES = [
  'agency',
  'agency_import',
  'assessor_advice',
  'assessor_assignment',
  'cycle',
  'eit2_interview',
  'eit2_sample',
  'eit_contacts',
  'framework_draft',
  'framework_version',
  'iit_access',
  'iit_collection',
  'iit_token_batch',
  'lessons_target',
  'agency_division',
  'measure_document',
  'measure_library',
  'measure_progress',
  'microdata_export',
  'oit_answer',
  'oit_clarification',
  'oit_review',
  'oit_score',
  'participation',
  'past_results_import',
  'processing_run',
  'publication',
  'reminder',
  'response_review',
  'secret',
  'sms_daily_usage',
  'stage_extension',
  'stakeholder_data',
  'supervision_plan',
  'supervisor_scope',
  'user',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

const AGENCY_ROLES = ['agency_admin', 'executive', 'agency_staff'] as const;
const NOT_STAFF = ['assessor', 'supervisor', 'agency_admin', 'executive'] as const;
const EVERY_SCOPED_ROLE = ['assessor', 'supervisor', ...AGENCY_ROLES] as const;

/**
 * Per kind of entry: the action guarding the same data's own endpoint, and the roles besides NACC admins
 * (who read every entry) that read entries of the agencies in their scope. Entries tied to no agency are
 * NACC's alone, except that everyone reads the entries about their own account (`self`).
 */
export const AUDIT_READERS: Record<
  AuditEntityType,
  {
    action: Action;
    inScope: readonly Exclude<Role, 'admin'>[];
    self?: true;
    /** Assessors read these only for a year they are assigned to the agency (the entry's sample's year). */
    assignedThatYear?: true;
  }
> = {
  agency: { action: 'agency.read', inScope: EVERY_SCOPED_ROLE },
  agency_import: { action: 'agency.import', inScope: [] },
  assessor_advice: { action: 'advice.read', inScope: ['assessor'], assignedThatYear: true },
  assessor_assignment: { action: 'assignment.manage', inScope: [] },
  cycle: { action: 'cycle.open', inScope: [] },
  eit2_interview: { action: 'eit2.collect', inScope: ['assessor'], assignedThatYear: true },
  eit2_sample: { action: 'eit2.collect', inScope: ['assessor'], assignedThatYear: true },
  eit_contacts: { action: 'contacts.read', inScope: ['assessor', 'agency_admin', 'executive'] },
  framework_draft: { action: 'framework.author', inScope: [] },
  framework_version: { action: 'framework.import', inScope: [] },
  iit_access: { action: 'iitAccess.read', inScope: ['agency_admin'] },
  iit_collection: { action: 'progress.read', inScope: NOT_STAFF }, // the IIT reached its approved population
  iit_token_batch: { action: 'iitAccess.read', inScope: ['agency_admin'] },
  lessons_target: { action: 'lessons.setTarget', inScope: [] }, // a scope's target: tied to no agency
  agency_division: { action: 'measures.read', inScope: EVERY_SCOPED_ROLE },
  measure_document: { action: 'measures.read', inScope: EVERY_SCOPED_ROLE },
  measure_library: { action: 'measures.libraryWrite', inScope: [] }, // NACC's library: tied to no agency
  measure_progress: { action: 'measures.read', inScope: EVERY_SCOPED_ROLE },
  microdata_export: { action: 'microdata.export', inScope: [] }, // a year's responses: tied to no agency
  oit_answer: { action: 'oit.read', inScope: EVERY_SCOPED_ROLE },
  oit_clarification: { action: 'oit.read', inScope: EVERY_SCOPED_ROLE },
  oit_review: { action: 'oit.read', inScope: EVERY_SCOPED_ROLE },
  oit_score: { action: 'oit.read', inScope: EVERY_SCOPED_ROLE },
  participation: { action: 'participation.read', inScope: NOT_STAFF },
  past_results_import: { action: 'pastResults.import', inScope: [] }, // one entry per file, many agencies
  processing_run: { action: 'results.process', inScope: [] }, // NACC's runs: tied to no agency
  publication: { action: 'results.publish', inScope: [] }, // a year's publication: tied to no agency
  // Reminders of an agency's work (sent by the system, or by a supervisor or NACC): who may send them.
  reminder: { action: 'notice.send', inScope: ['supervisor'] },
  response_review: { action: 'quality.readResponses', inScope: ['assessor'] },
  secret: { action: 'audit.verify', inScope: [] }, // a key rotation is NACC's (command line)
  sms_daily_usage: { action: 'otp.usage', inScope: [] },
  stage_extension: { action: 'calendar.read', inScope: EVERY_SCOPED_ROLE },
  stakeholder_data: { action: 'stakeholder.read', inScope: NOT_STAFF },
  // A province's or ministry's plan is tied to no agency: its history is NACC's (supervisors see the plan's
  // last save on the plan itself).
  supervision_plan: { action: 'plans.read', inScope: [] },
  supervisor_scope: { action: 'scope.manage', inScope: [] },
  user: { action: 'user.read', inScope: ['agency_admin'], self: true },
};

export const isAuditEntityType = (t: string): t is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(t);

/** What a viewer's reading of the log is: everything (NACC admins) or per kind of entry. */
export type AuditReading =
  | { readonly all: true }
  | {
      readonly all: false;
      /** Entity types readable for the agencies in the viewer's scope. */
      readonly inScope: readonly AuditEntityType[];
      /** Entity types readable when the entry is about the viewer's own account (entityId = their id). */
      readonly self: readonly AuditEntityType[];
      /** Of `inScope`, those readable only for a year the viewer is assigned to the agency (assessors). */
      readonly assignedThatYear: readonly AuditEntityType[];
    };

export function auditReadingOf(role: Role): AuditReading {
  switch (role) {
    case 'admin':
      return { all: true };
    case 'assessor':
    case 'supervisor':
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
      return {
        all: false,
        inScope: AUDIT_ENTITY_TYPES.filter((t) => AUDIT_READERS[t].inScope.includes(role)),
        self: AUDIT_ENTITY_TYPES.filter((t) => AUDIT_READERS[t].self === true),
        assignedThatYear:
          role === 'assessor'
            ? AUDIT_ENTITY_TYPES.filter((t) => AUDIT_READERS[t].assignedThatYear === true)
            : [],
      };
    default:
      return assertNever(role);
  }
}

/** The row-level rule in one predicate (the repository applies the same in SQL; tests compare the two). */
export function auditEntryReadable(
  viewer: Actor,
  entry: {
    entityType: string;
    entityId: string;
    agencyInScope: boolean;
    /** Whether the viewer is assigned to the entry's agency for the entry's year (assessors). */
    assignedThatYear: boolean;
  },
): boolean {
  const reading = auditReadingOf(viewer.role);
  if (reading.all) return true;
  if (!isAuditEntityType(entry.entityType)) return false;
  const yearBound = reading.assignedThatYear.includes(entry.entityType);
  if (
    entry.agencyInScope &&
    reading.inScope.includes(entry.entityType) &&
    (!yearBound || entry.assignedThatYear)
  )
    return true;
  return reading.self.includes(entry.entityType) && entry.entityId === viewer.userId;
}

/** Members of OIT entries that are assessors' working material (see core/oit/visibility.ts). */
const ASSESSMENT_TYPES = new Set<AuditEntityType>(['oit_score', 'oit_clarification']);
const ASSESSMENT_KEYS = new Set(['oitScore']);

export interface AuditEntryContent {
  before: unknown;
  after: unknown;
  /** True when the content was withheld from this viewer (it exists, they may not see it yet). */
  withheld: boolean;
}

/**
 * What a viewer may see of a readable entry's before/after. `oitStatus` is the status of the OIT
 * assessment the entry belongs to (null when unknown, which hides assessors' work from non-assessors).
 */
export function auditEntryContent(
  viewer: Actor,
  entry: { entityType: string; before: unknown; after: unknown },
  oitStatus: OitReviewStatus | null,
): AuditEntryContent {
  const open = { before: entry.before, after: entry.after, withheld: false };
  if (!isAuditEntityType(entry.entityType)) return viewer.role === 'admin' ? open : withheld();
  if (assessmentVisible(viewer.role, oitStatus)) return open;
  if (ASSESSMENT_TYPES.has(entry.entityType)) return withheld();
  if (entry.entityType === 'oit_review')
    return { before: omit(entry.before), after: omit(entry.after), withheld: hasAssessmentKey(entry) };
  return open;
}

/** Kinds of entry whose content depends on the OIT assessment's status (the caller looks it up). */
export const needsOitStatus = (entityType: string) =>
  ASSESSMENT_TYPES.has(entityType as AuditEntityType) || entityType === 'oit_review';

const withheld = (): AuditEntryContent => ({ before: null, after: null, withheld: true });
const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const omit = (v: unknown) =>
  isRecord(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => !ASSESSMENT_KEYS.has(k))) : v;
const hasAssessmentKey = (e: { before: unknown; after: unknown }) =>
  [e.before, e.after].some((v) => isRecord(v) && Object.keys(v).some((k) => ASSESSMENT_KEYS.has(k)));

/** Every role that is not an admin (for exhaustive tests). */
export const SCOPED_ROLES = ROLES.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin');
