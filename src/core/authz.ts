// Authorization rules, declared per resource, in one place. Services call `authorize` first in every method.
// Pure: the actor arrives with its scope already resolved (see modules/users/actor.ts).
import type { LessonsScopeRef } from '../shared/lessons.ts';
import { forbidden, unauthenticated } from './errors.ts';
import { assertNever } from './exhaustive.ts';
import { agencyScopeOf, scopeContains } from './scope.ts';

export const ROLES = [
  'admin',
  'assessor',
  'supervisor',
  'agency_admin',
  'executive',
  'agency_staff',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** The agency of an agency admin, executive or staff member. */
  agencyId: string | null;
  /** Supervisor scope: a province, a ministry, or an explicit list of agencies (any combination). */
  scope: { provinces: string[]; ministries: string[]; agencies: string[] };
  /** Agencies assigned to an assessor (any fiscal year). */
  assignedAgencies: string[];
}

/** What authorization needs to know of an agency. */
export interface AgencyRef {
  id: string;
  provinceCode: string | null;
  ministryCode: string | null;
}

/** Whether the agency is in the actor's scope: the same rule lists apply in SQL (see core/scope.ts). */
export function inScope(actor: Actor, agency: AgencyRef): boolean {
  return scopeContains(agencyScopeOf(actor), agency);
}

type Rule<R> = (actor: Actor, resource: R) => boolean;
/**
 * Declares a rule and the resource it is checked against: `rule<AgencyRef>((a, agency) => …)`. The type
 * argument is what callers of `authorize` must pass for the action, and the check is typed by it.
 */
const rule = <R>(check: Rule<R>): Rule<R> => check;
/** An agency's EIT part-2 collection in one fiscal year: who is assigned to assess it that year. */
export interface Eit2Ref {
  agency: AgencyRef;
  assessorsThisYear: readonly string[];
}
/** An agency's OIT in one fiscal year: the agency and who is assigned to assess it that year. */
export type OitRef = Eit2Ref;
/** What a supervisor's plan covers (issue 12 §3): one province or one ministry of their scope. */
export const PLAN_SCOPE_KINDS = ['province', 'ministry'] as const;
export type PlanScopeKind = (typeof PLAN_SCOPE_KINDS)[number];
export interface PlanScopeRef {
  kind: PlanScopeKind;
  code: string;
}
const isAdmin = (a: Actor) => a.role === 'admin';
/** A supervisor whose scope names this province or ministry (a list of single agencies is not a plan's). */
const supervisesPlanScope = (a: Actor, s: PlanScopeRef): boolean => {
  if (a.role !== 'supervisor') return false;
  switch (s.kind) {
    case 'province':
      return a.scope.provinces.includes(s.code);
    case 'ministry':
      return a.scope.ministries.includes(s.code);
    default:
      return assertNever(s.kind);
  }
};
const everyone = () => true;
/**
 * Four eyes: a review decision (approve, return, reject) is never taken by an account that submitted or
 * wrote what is reviewed — whatever its role, admins included. `null` is a submitter no longer known.
 */
const reviewsOthersWork = (a: Actor, submitters: readonly (string | null)[]) =>
  !submitters.includes(a.userId);
/**
 * Executives approve their agency's numbers and answers, so the agency admin whose work they approve
 * cannot make one alone: NACC, or a supervisor whose scope covers the agency, confirms the account.
 */
const confirmsApprovers = (a: Actor, agency: AgencyRef) =>
  isAdmin(a) || (a.role === 'supervisor' && inScope(a, agency));
/**
 * Agency staff accounts exist to fill in delegated OIT items: they see their agency and its OIT, calendar
 * and history, but not its stakeholder data, progress or quality figures.
 */
const inScopeNotStaff = (a: Actor, agency: AgencyRef) => a.role !== 'agency_staff' && inScope(a, agency);
/** What the agency's own admin manages of it (its record, staff, stakeholder numbers, IIT access); NACC too. */
const agencyAdminOrNacc = (a: Actor, agency: AgencyRef) =>
  isAdmin(a) || (a.role === 'agency_admin' && inScope(a, agency));
/** An agency's assessment in one year: NACC admins and the assessors assigned to the agency that year. */
const assessesThisYear = (a: Actor, r: OitRef) =>
  isAdmin(a) || (a.role === 'assessor' && r.assessorsThisYear.includes(a.userId));

/**
 * Lessons learned over a scope (issue 11 §4): NACC reads and sets targets for any scope, the nation included;
 * a supervisor for a province or ministry of its own scope (an agency list alone is not a scope to aggregate).
 */
function leadsLessonsScope(a: Actor, s: LessonsScopeRef): boolean {
  switch (a.role) {
    case 'admin':
      return true;
    case 'supervisor':
      switch (s.kind) {
        case 'nation':
          return false;
        case 'province':
          return a.scope.provinces.includes(s.code);
        case 'ministry':
          return a.scope.ministries.includes(s.code);
        default:
          return false; // not a scope (fails closed)
      }
    case 'assessor':
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
      return false;
    default:
      return assertNever(a.role);
  }
}

/** Every action of the system and who may perform it. `null` resource means "not tied to one agency". */
const RULES = {
  // Agencies
  'agency.list': rule<null>(everyone), // results are filtered to the actor's scope by the repo
  'agency.read': rule<AgencyRef>(inScope),
  'agency.create': rule<null>(isAdmin),
  'agency.update': rule<AgencyRef>(agencyAdminOrNacc),
  'agency.import': rule<null>(isAdmin),
  'cycle.open': rule<null>(isAdmin),
  'participation.read': rule<AgencyRef>(inScopeNotStaff),
  // Registry fields (everything but nameEn and website, which 'agency.update' covers) are NACC's.
  'agency.updateRegistry': rule<AgencyRef>(isAdmin),
  'participation.register': rule<AgencyRef>(agencyAdminOrNacc),
  'participation.withdraw': rule<AgencyRef>(isAdmin),
  'cycle.read': rule<null>(everyone), // counts are filtered to the actor's scope by the repo
  // The cycle screen of a year (stages, participation, extensions): NACC runs it, supervisors and assessors
  // follow their scope (the extensions listed are those of agencies in scope). Closing a year is NACC's.
  'cycle.view': rule<null>((a) => isAdmin(a) || a.role === 'supervisor' || a.role === 'assessor'),
  'cycle.close': rule<null>(isAdmin),
  'dashboard.read': rule<null>(everyone), // contents depend on role and scope
  // Users
  'user.list': rule<null>((a) => isAdmin(a) || a.role === 'agency_admin'),
  'user.manage': rule<null>(isAdmin),
  'user.manageAgencyStaff': rule<AgencyRef>(agencyAdminOrNacc),
  // A user record (and its scope/assignments): admins, the user themself, and their agency's admin.
  'user.read': rule<{ id: string; agency: AgencyRef | null }>(
    (a, user) =>
      isAdmin(a) ||
      a.userId === user.id ||
      (a.role === 'agency_admin' && user.agency !== null && inScope(a, user.agency)),
  ),
  'user.changeOwnPassword': rule<null>(everyone),
  // Executives: an agency admin may propose one (created or re-roled, awaiting confirmation); only those
  // who confirm approvers make it an account that can sign in and approve.
  'user.confirmExecutive': rule<AgencyRef>(confirmsApprovers),
  'user.proposeExecutive': rule<AgencyRef>(
    (a, agency) => confirmsApprovers(a, agency) || agencyAdminOrNacc(a, agency),
  ),
  // Who sees the proposals of an agency: those who confirm them and the agency's admin who made them.
  'user.listAwaitingConfirmation': rule<null>(
    (a) => isAdmin(a) || a.role === 'supervisor' || a.role === 'agency_admin',
  ),
  'scope.manage': rule<null>(isAdmin),
  'assignment.manage': rule<null>(isAdmin),
  // Stakeholder data and collection progress. Contact lists hold personal data: the agency, its assessors
  // and admins only (not supervisors). Progress lists over a scope are for the roles that follow many agencies.
  'stakeholder.read': rule<AgencyRef>(inScopeNotStaff),
  'stakeholder.update': rule<AgencyRef>(agencyAdminOrNacc),
  'stakeholder.approve': rule<AgencyRef>(
    (a, agency) => isAdmin(a) || (a.role === 'executive' && inScope(a, agency)),
  ),
  'contacts.read': rule<AgencyRef>(
    (a, agency) =>
      isAdmin(a) || (['agency_admin', 'executive', 'assessor'].includes(a.role) && inScope(a, agency)),
  ),
  'progress.read': rule<AgencyRef>(inScopeNotStaff),
  'progress.list': rule<null>((a) => ['admin', 'supervisor', 'assessor'].includes(a.role)),
  // Monitoring the cycle (issue 11 §2): the progress matrix and its roll-up over the actor's scope (the list
  // holds only agencies in scope), for the roles that follow many agencies; every role has its to-do list.
  'monitoring.matrix': rule<null>((a) => ['admin', 'supervisor', 'assessor'].includes(a.role)),
  'monitoring.rollup': rule<null>((a) => ['admin', 'supervisor', 'assessor'].includes(a.role)),
  'monitoring.todo': rule<null>(everyone),
  // The agencies with work waiting behind an agency picker, over the actor's scope (the list holds only agencies
  // in scope): the roles that open those pages for many agencies — quality (NACC, assessors, supervisors),
  // EIT part 2 (NACC, assessors: those assigned for the year), IIT access (NACC; an agency admin has one agency).
  'waiting.quality': rule<null>((a) => ['admin', 'supervisor', 'assessor'].includes(a.role)),
  'waiting.eit2': rule<null>((a) => isAdmin(a) || a.role === 'assessor'),
  'waiting.iit': rule<null>(isAdmin),
  // Calendar: stage dates are read by whoever has the agency in scope; extensions are NACC's.
  'calendar.read': rule<AgencyRef>(inScope),
  'calendar.extend': rule<AgencyRef>(isAdmin),
  // One extension for many agencies at once (a province, an agency type, everyone): NACC only.
  'calendar.extendMany': rule<null>(isAdmin),
  // Response quality: flags and decisions are for the agency's assessors and admins; supervisors see the
  // agency-level flags and counts only; breakdowns (small groups hidden) for anyone with the agency in scope.
  'quality.read': rule<AgencyRef>(
    (a, agency) => isAdmin(a) || ((a.role === 'assessor' || a.role === 'supervisor') && inScope(a, agency)),
  ),
  'quality.readResponses': rule<AgencyRef>(
    (a, agency) => isAdmin(a) || (a.role === 'assessor' && inScope(a, agency)),
  ),
  'response.review': rule<AgencyRef>(
    (a, agency) => isAdmin(a) || (a.role === 'assessor' && inScope(a, agency)),
  ),
  'breakdown.read': rule<AgencyRef>(inScopeNotStaff),
  // Frameworks
  'framework.import': rule<null>(isAdmin),
  // Writing next year's framework (drafts: copy, edit, publish, discard) is NACC's alone.
  'framework.author': rule<null>(isAdmin),
  'framework.export': rule<null>(everyone),
  // Audit log: an agency's history is readable by whoever has the agency in scope; entries tied to no
  // agency (null) by admins only. Lists are filtered to the actor's scope by the repo.
  'audit.list': rule<null>(everyone),
  'audit.read': rule<AgencyRef | null>((a, agency) => isAdmin(a) || (agency !== null && inScope(a, agency))),
  'audit.verify': rule<null>(isAdmin),
  // Taking a signed checkpoint of the chain on demand (they are also taken daily and after key events).
  'audit.checkpoint': rule<null>(isAdmin),
  // EIT part-1 one-time codes: NACC watches SMS spending per agency (the code endpoints are public).
  'otp.usage': rule<null>(isAdmin),
  // IIT access (code, QR, poster, single-use tokens): the agency's own admin and NACC. The respondent
  // endpoints are public and need no rule.
  'iitAccess.read': rule<AgencyRef>(agencyAdminOrNacc),
  'iitAccess.manage': rule<AgencyRef>(agencyAdminOrNacc),
  // EIT part 2 (collected by the assessor's team): admins, and assessors assigned to the agency for that
  // year. Reviewing an interview also needs a second pair of eyes: never the interviewer themself.
  'eit2.collect': rule<Eit2Ref>(assessesThisYear),
  'eit2.review': rule<Eit2Ref & { interviewerId: string | null }>(
    (a, r) => assessesThisYear(a, r) && reviewsOthersWork(a, [r.interviewerId]),
  ),
  // The four-eyes rule for every approval of an agency's own work (stakeholder numbers, OIT answers): the
  // service checks it once it knows who submitted and wrote what is approved.
  'review.fourEyes': rule<{ submitters: readonly (string | null)[] }>((a, r) =>
    reviewsOthersWork(a, r.submitters),
  ),
  // OIT (open data). The agency answers (its admin, and staff on items delegated to them — the service
  // checks the delegation), its executive approves, the assessors assigned for the year score and confirm,
  // a NACC admin may reopen. Reading the checklist, answers, scores and evidence: anyone with the agency
  // in scope.
  'oit.read': rule<AgencyRef>(inScope),
  'oit.answer': rule<AgencyRef>(
    (a, agency) => (a.role === 'agency_admin' || a.role === 'agency_staff') && inScope(a, agency),
  ),
  'oit.delegate': rule<AgencyRef>((a, agency) => a.role === 'agency_admin' && inScope(a, agency)),
  'oit.submit': rule<AgencyRef>((a, agency) => a.role === 'agency_admin' && inScope(a, agency)),
  'oit.approve': rule<AgencyRef>((a, agency) => a.role === 'executive' && inScope(a, agency)),
  'oit.clarify': rule<AgencyRef>((a, agency) => a.role === 'agency_admin' && inScope(a, agency)),
  'oit.assess': rule<OitRef>(assessesThisYear),
  'oit.reopen': rule<AgencyRef>(isAdmin),
  'oit.queue': rule<null>((a) => isAdmin(a) || a.role === 'assessor'),
  // Results (issue 10): NACC admins start processing runs and previews and read their scores. Nobody else
  // sees a run; an agency's published result is `results.agencyRead` below.
  'results.process': rule<null>(isAdmin),
  'results.read': rule<null>(isAdmin),
  // The anonymous microdata of a year (issue 11 §5): every counted response's answers, one row each, small
  // groups withheld. Individual answers, however anonymous, are for NACC's analysts alone.
  'microdata.export': rule<null>(isAdmin),
  // Publication (issue 10 §2): NACC publishes a finished run (now or under an embargo), supersedes or
  // cancels it. Every signed-in role reads the year's publication history (effective ones: when and why).
  'results.publish': rule<null>(isAdmin),
  'results.publications': rule<null>(everyone),
  // An agency's stored result: whoever reaches the agency (its people, its supervisors, its assessors);
  // which run, if any, they see is core/results/visibility.ts (nothing before the publication's time).
  'results.agencyRead': rule<AgencyRef>(inScope),
  'evidence.read': rule<AgencyRef>(inScope),
  // The assessors' advice on IIT and EIT and their overall comment (issue 10 §3): written and read before
  // processing by NACC admins and the assessors assigned to the agency that year. Agencies, supervisors and
  // everyone else see it only in the published report, from the run's snapshot (results.agencyRead).
  'advice.read': rule<OitRef>(assessesThisYear),
  'advice.write': rule<OitRef>(assessesThisYear),
  // Results published before this system: NACC imports them; they were public already, so whoever may read
  // the agency's own record reads its year-over-year line (no embargo).
  'pastResults.import': rule<null>(isAdmin),
  'pastResults.read': rule<AgencyRef>(inScope),
  // Lessons learned from published results over a scope, and the scope's own target (issue 11 §4).
  'lessons.scopes': rule<null>((a) => isAdmin(a) || a.role === 'supervisor'),
  'lessons.read': rule<LessonsScopeRef>(leadsLessonsScope),
  'lessons.setTarget': rule<LessonsScopeRef>(leadsLessonsScope),
  // Notices: everyone reads and marks their own (the list holds only the actor's rows); reminders to an
  // agency are sent by NACC and by supervisors whose scope covers it.
  'notice.list': rule<null>(everyone),
  'notice.read': rule<{ userId: string }>((a, n) => a.userId === n.userId),
  'notice.send': rule<AgencyRef>(
    (a, agency) => isAdmin(a) || (a.role === 'supervisor' && inScope(a, agency)),
  ),
  'notice.sendAny': rule<null>((a) => isAdmin(a) || a.role === 'supervisor'),
  // Provincial (and ministry) plans, issue 12 §3: the supervisors of a province or ministry write its plan;
  // NACC reads every plan. Agencies do not read them, their own admins included: a plan is the supervisors'
  // working document (who chases whom, visits to the agencies behind), and its chasing activities lead to
  // lists of other agencies' progress an agency may not see; what an agency must do and when is its own
  // calendar. The list of plans is filtered by the same rule in the service.
  'plans.list': rule<null>((a) => isAdmin(a) || a.role === 'supervisor'),
  'plans.read': rule<PlanScopeRef>((a, s) => isAdmin(a) || supervisesPlanScope(a, s)),
  'plans.write': rule<PlanScopeRef>(supervisesPlanScope),
  // Measures to promote integrity (issue 12): whoever reaches the agency reads its document (staff only
  // see it; supervisors and assessors read); its admin drafts, prepares, revises, publishes, keeps its
  // divisions and enters progress; an agency admin or the executive reviews (never the one who prepared it:
  // the service checks four eyes); the executive approves and signs the progress report. NACC keeps the
  // library of suggested measures; supervisors and NACC see "measures done vs score change" over a scope.
  'measures.read': rule<AgencyRef>(inScope),
  'measures.write': rule<AgencyRef>((a, agency) => a.role === 'agency_admin' && inScope(a, agency)),
  'measures.review': rule<AgencyRef>(
    (a, agency) => (a.role === 'agency_admin' || a.role === 'executive') && inScope(a, agency),
  ),
  'measures.approve': rule<AgencyRef>((a, agency) => a.role === 'executive' && inScope(a, agency)),
  'measures.library': rule<null>(everyone),
  'measures.libraryWrite': rule<null>(isAdmin),
  'measures.overview': rule<null>((a) => isAdmin(a) || a.role === 'supervisor'),
  'evidence.refetch': rule<AgencyRef>(
    (a, agency) => a.role !== 'supervisor' && a.role !== 'executive' && inScope(a, agency),
  ),
} satisfies Record<string, Rule<never>>;

export type Action = keyof typeof RULES;
/** The resource each action is checked against, as its rule declares it. */
type Resources = { [A in Action]: Parameters<(typeof RULES)[A]>[1] };
type ResourceOf<A extends Action> = Resources[A];
/** The same table seen per action, so that `RULE_OF[action]` takes that action's resource (checked, no cast). */
const RULE_OF: { [A in Action]: Rule<Resources[A]> } = RULES;

export function can<A extends Action>(actor: Actor | null, action: A, resource: ResourceOf<A>): boolean {
  if (!actor) return false;
  return RULE_OF[action](actor, resource);
}

/** Throws 401 without an actor and 403 when the rule denies; call it first in every service method. */
/** The refusal of the four-eyes rule ('review.fourEyes'), with its own explanation. */
export const ownWorkRefused = () =>
  forbidden(
    'four_eyes',
    'ไม่สามารถอนุมัติหรือตีกลับรายการที่ตนเองส่งหรือกรอกได้ ต้องให้ผู้มีอำนาจอีกคนตรวจสอบ (หลักสี่ตา)',
    'You cannot approve or return what you submitted or filled in yourself: another approver must review it (four-eyes rule)',
  );

/** Throws 403 'four_eyes' when the actor submitted or wrote any of what they are about to approve. */
export function assertFourEyes(actor: Actor, submitters: readonly (string | null)[]): void {
  if (!can(actor, 'review.fourEyes', { submitters })) throw ownWorkRefused();
}

export function authorize<A extends Action>(
  actor: Actor | null,
  action: A,
  resource: ResourceOf<A>,
): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, action, resource)) throw forbidden();
}
