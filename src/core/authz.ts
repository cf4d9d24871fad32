// Authorization rules, declared per resource, in one place. Services call `authorize` first in every method.
// Pure: the actor arrives with its scope already resolved (see modules/auth/actor.ts).
import { forbidden, unauthenticated } from './errors.ts';
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
/** An agency's EIT part-2 collection in one fiscal year: who is assigned to assess it that year. */
export interface Eit2Ref {
  agency: AgencyRef;
  assessorsThisYear: readonly string[];
}
/** An agency's OIT in one fiscal year: the agency and who is assigned to assess it that year. */
export type OitRef = Eit2Ref;
const isAdmin = (a: Actor) => a.role === 'admin';
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
const assessesThisYear = (a: Actor, r: OitRef) =>
  isAdmin(a) || (a.role === 'assessor' && r.assessorsThisYear.includes(a.userId));

/** Every action of the system and who may perform it. `null` resource means "not tied to one agency". */
const RULES = {
  // Agencies
  'agency.list': everyone as Rule<null>, // results are filtered to the actor's scope by the repo
  'agency.read': ((a, agency) => inScope(a, agency)) as Rule<AgencyRef>,
  'agency.create': isAdmin as Rule<null>,
  'agency.update': ((a, agency) =>
    isAdmin(a) || (a.role === 'agency_admin' && inScope(a, agency))) as Rule<AgencyRef>,
  'agency.import': isAdmin as Rule<null>,
  'cycle.open': isAdmin as Rule<null>,
  'participation.read': ((a, agency) => inScopeNotStaff(a, agency)) as Rule<AgencyRef>,
  // Registry fields (everything but nameEn and website, which 'agency.update' covers) are NACC's.
  'agency.updateRegistry': isAdmin as Rule<AgencyRef>,
  'participation.register': ((a, agency) =>
    isAdmin(a) || (a.role === 'agency_admin' && inScope(a, agency))) as Rule<AgencyRef>,
  'participation.withdraw': isAdmin as Rule<AgencyRef>,
  'cycle.read': everyone as Rule<null>, // counts are filtered to the actor's scope by the repo
  'dashboard.read': everyone as Rule<null>, // contents depend on role and scope
  // Users
  'user.list': ((a) => isAdmin(a) || a.role === 'agency_admin') as Rule<null>,
  'user.manage': isAdmin as Rule<null>,
  'user.manageAgencyStaff': ((a, agency) =>
    isAdmin(a) || (a.role === 'agency_admin' && inScope(a, agency))) as Rule<AgencyRef>,
  // A user record (and its scope/assignments): admins, the user themself, and their agency's admin.
  'user.read': ((a, user) =>
    isAdmin(a) ||
    a.userId === user.id ||
    (a.role === 'agency_admin' && user.agency !== null && inScope(a, user.agency))) as Rule<{
    id: string;
    agency: AgencyRef | null;
  }>,
  'user.changeOwnPassword': everyone as Rule<null>,
  // Executives: an agency admin may propose one (created or re-roled, awaiting confirmation); only those
  // who confirm approvers make it an account that can sign in and approve.
  'user.confirmExecutive': ((a, agency) => confirmsApprovers(a, agency)) as Rule<AgencyRef>,
  'user.proposeExecutive': ((a, agency) =>
    confirmsApprovers(a, agency) || (a.role === 'agency_admin' && inScope(a, agency))) as Rule<AgencyRef>,
  // Who sees the proposals of an agency: those who confirm them and the agency's admin who made them.
  'user.listAwaitingConfirmation': ((a) =>
    isAdmin(a) || a.role === 'supervisor' || a.role === 'agency_admin') as Rule<null>,
  'scope.manage': isAdmin as Rule<null>,
  'assignment.manage': isAdmin as Rule<null>,
  // Stakeholder data and collection progress. Contact lists hold personal data: the agency, its assessors
  // and admins only (not supervisors). Progress lists over a scope are for the roles that follow many agencies.
  'stakeholder.read': ((a, agency) => inScopeNotStaff(a, agency)) as Rule<AgencyRef>,
  'stakeholder.update': ((a, agency) =>
    isAdmin(a) || (a.role === 'agency_admin' && inScope(a, agency))) as Rule<AgencyRef>,
  'stakeholder.approve': ((a, agency) =>
    isAdmin(a) || (a.role === 'executive' && inScope(a, agency))) as Rule<AgencyRef>,
  'contacts.read': ((a, agency) =>
    isAdmin(a) ||
    (['agency_admin', 'executive', 'assessor'].includes(a.role) && inScope(a, agency))) as Rule<AgencyRef>,
  'progress.read': ((a, agency) => inScopeNotStaff(a, agency)) as Rule<AgencyRef>,
  'progress.list': ((a) => ['admin', 'supervisor', 'assessor'].includes(a.role)) as Rule<null>,
  // Calendar: stage dates are read by whoever has the agency in scope; extensions are NACC's.
  'calendar.read': ((a, agency) => inScope(a, agency)) as Rule<AgencyRef>,
  'calendar.extend': isAdmin as Rule<AgencyRef>,
  // Response quality: flags and decisions are for the agency's assessors and admins; supervisors see the
  // agency-level flags and counts only; breakdowns (small groups hidden) for anyone with the agency in scope.
  'quality.read': ((a, agency) =>
    isAdmin(a) ||
    ((a.role === 'assessor' || a.role === 'supervisor') && inScope(a, agency))) as Rule<AgencyRef>,
  'quality.readResponses': ((a, agency) =>
    isAdmin(a) || (a.role === 'assessor' && inScope(a, agency))) as Rule<AgencyRef>,
  'response.review': ((a, agency) =>
    isAdmin(a) || (a.role === 'assessor' && inScope(a, agency))) as Rule<AgencyRef>,
  'breakdown.read': ((a, agency) => inScopeNotStaff(a, agency)) as Rule<AgencyRef>,
  // Frameworks
  'framework.import': isAdmin as Rule<null>,
  'framework.export': everyone as Rule<null>,
  // Audit log: an agency's history is readable by whoever has the agency in scope; entries tied to no
  // agency (null) by admins only. Lists are filtered to the actor's scope by the repo.
  'audit.list': everyone as Rule<null>,
  'audit.read': ((a, agency) =>
    isAdmin(a) || (agency !== null && inScope(a, agency))) as Rule<AgencyRef | null>,
  'audit.verify': isAdmin as Rule<null>,
  // Taking a signed checkpoint of the chain on demand (they are also taken daily and after key events).
  'audit.checkpoint': isAdmin as Rule<null>,
  // EIT part-1 one-time codes: NACC watches SMS spending per agency (the code endpoints are public).
  'otp.usage': isAdmin as Rule<null>,
  // IIT access (code, QR, poster, single-use tokens): the agency's own admin and NACC. The respondent
  // endpoints are public and need no rule.
  'iitAccess.read': ((a, agency) =>
    isAdmin(a) || (a.role === 'agency_admin' && inScope(a, agency))) as Rule<AgencyRef>,
  'iitAccess.manage': ((a, agency) =>
    isAdmin(a) || (a.role === 'agency_admin' && inScope(a, agency))) as Rule<AgencyRef>,
  // EIT part 2 (collected by the assessor's team): admins, and assessors assigned to the agency for that
  // year. Reviewing an interview also needs a second pair of eyes: never the interviewer themself.
  'eit2.collect': ((a, r) =>
    isAdmin(a) || (a.role === 'assessor' && r.assessorsThisYear.includes(a.userId))) as Rule<Eit2Ref>,
  'eit2.review': ((a, r) =>
    (isAdmin(a) || (a.role === 'assessor' && r.assessorsThisYear.includes(a.userId))) &&
    reviewsOthersWork(a, [r.interviewerId])) as Rule<Eit2Ref & { interviewerId: string | null }>,
  // The four-eyes rule for every approval of an agency's own work (stakeholder numbers, OIT answers): the
  // service checks it once it knows who submitted and wrote what is approved.
  'review.fourEyes': ((a, r) => reviewsOthersWork(a, r.submitters)) as Rule<{
    submitters: readonly (string | null)[];
  }>,
  // OIT (open data). The agency answers (its admin, and staff on items delegated to them — the service
  // checks the delegation), its executive approves, the assessors assigned for the year score and confirm,
  // a NACC admin may reopen. Reading the checklist, answers, scores and evidence: anyone with the agency
  // in scope.
  'oit.read': ((a, agency) => inScope(a, agency)) as Rule<AgencyRef>,
  'oit.answer': ((a, agency) =>
    (a.role === 'agency_admin' || a.role === 'agency_staff') && inScope(a, agency)) as Rule<AgencyRef>,
  'oit.delegate': ((a, agency) => a.role === 'agency_admin' && inScope(a, agency)) as Rule<AgencyRef>,
  'oit.submit': ((a, agency) => a.role === 'agency_admin' && inScope(a, agency)) as Rule<AgencyRef>,
  'oit.approve': ((a, agency) => a.role === 'executive' && inScope(a, agency)) as Rule<AgencyRef>,
  'oit.clarify': ((a, agency) => a.role === 'agency_admin' && inScope(a, agency)) as Rule<AgencyRef>,
  'oit.assess': assessesThisYear as Rule<OitRef>,
  'oit.reopen': isAdmin as Rule<AgencyRef>,
  'oit.queue': ((a) => isAdmin(a) || a.role === 'assessor') as Rule<null>,
  'evidence.read': ((a, agency) => inScope(a, agency)) as Rule<AgencyRef>,
  'evidence.refetch': ((a, agency) =>
    a.role !== 'supervisor' && a.role !== 'executive' && inScope(a, agency)) as Rule<AgencyRef>,
} satisfies Record<string, Rule<never>>;

export type Action = keyof typeof RULES;
type ResourceOf<A extends Action> = Parameters<(typeof RULES)[A]>[1];

export function can<A extends Action>(actor: Actor | null, action: A, resource: ResourceOf<A>): boolean {
  if (!actor) return false;
  return (RULES[action] as Rule<ResourceOf<A>>)(actor, resource);
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
