// The to-do list on every role's home page, from the same progress data as the matrix: the executive's
// pending approvals, the agency admin's next steps and returned items, the assessor's unscored agencies,
// clarifications to decide, interviews to collect and review, flagged responses to decide, the supervisor's
// laggards, NACC's open items. Each item links to the web page where the work is done.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, can, type Eit2Ref } from '../../core/authz.ts';
import { assertNever } from '../../core/exhaustive.ts';
import {
  MONITORED_STAGES,
  type StageProgress,
  type TaskCode,
  taskRule,
} from '../../core/monitoring/progress.ts';
import { agencyScopeCondition, monitoredIdsIn } from '../agencies/index.ts';
import { latestFrameworkYear } from '../frameworks/index.ts';
import { interviewsAwaitingReviewByInterviewerIn } from '../interviews/index.ts';
import { undecidedFlagsIn } from '../quality/index.ts';
import { agenciesAssignedTo } from '../users/index.ts';
import { type AgencyProgressRow, agencyProgress } from './monitoring.facts.ts';
import type { Todo, TodoItem } from './monitoring.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

/** The most items a home page lists; `more` says when there are others. */
export const TODO_MAX = 20;
/** The laggards a supervisor's list names one by one (the rest behind the matrix link). */
const LAGGARDS_MAX = 10;

/** Approvals are the executive's; the agency admin prepares and submits. */
const EXECUTIVE_TASKS: readonly TaskCode[] = ['stakeholder_approval', 'oit_approval'];

const brief = (r: AgencyProgressRow) => ({
  id: r.agency.id,
  nameTh: r.agency.nameTh,
  nameEn: r.agency.nameEn,
});
const stageOfTask = (r: AgencyProgressRow, code: TaskCode) =>
  r.progress.stages.find((s) => s.code === taskRule(code).stage);
const timing = (s: StageProgress | undefined) => ({
  deadline: s?.deadline ?? null,
  daysLeft: s?.daysLeft ?? null,
  overdue: s?.state === 'overdue',
});
const started = (s: StageProgress | undefined) =>
  s !== undefined && (s.phase === 'open' || s.phase === 'ended');

/** Where an agency task is done in the web app. */
export function taskLink(code: TaskCode, agencyId: string, year: number): string {
  switch (code) {
    case 'registration':
    case 'eit1':
      return `/agencies/${agencyId}`;
    case 'stakeholder_entry':
    case 'stakeholder_approval':
      return `/agencies/${agencyId}/stakeholders`;
    case 'iit':
      return '/iit-access';
    case 'eit2':
      return '/interviews';
    case 'oit_answers':
    case 'oit_approval':
    case 'oit_clarification':
      return `/agencies/${agencyId}/oit/${year}`;
    case 'oit_scoring':
    case 'oit_confirmation':
      return `/agencies/${agencyId}/oit/${year}/assess`;
    default:
      return assertNever(code);
  }
}

function item(partial: Partial<TodoItem> & Pick<TodoItem, 'kind' | 'link'>): TodoItem {
  return {
    task: null,
    stage: null,
    agency: null,
    count: 1,
    deadline: null,
    daysLeft: null,
    overdue: false,
    ...partial,
  };
}

function agencyItems(
  role: 'agency_admin' | 'executive' | 'agency_staff',
  r: AgencyProgressRow,
  year: number,
) {
  const items: TodoItem[] = [];
  const out = (code: TaskCode, count: number, kind: TodoItem['kind'] = 'agency_task') => {
    const s = stageOfTask(r, code);
    items.push(
      item({
        kind,
        task: code,
        stage: s?.code ?? null,
        agency: brief(r),
        count,
        ...timing(s),
        link: taskLink(code, r.agency.id, year),
      }),
    );
  };
  const answering = started(stageOfTask(r, 'oit_answers'));
  const outstanding = r.progress.stages.flatMap((s) =>
    s.agencyOutstanding ? s.tasks.filter((t) => t.by === 'agency' && !t.complete).map((t) => ({ s, t })) : [],
  );
  switch (role) {
    case 'executive':
      if (r.facts.stakeholder.entered && !r.facts.stakeholder.approved)
        out('stakeholder_approval', 1, 'approve_stakeholders');
      // OIT approvals and returned items are written within OIT answering: listed once it has opened.
      if (r.oit.submitted > 0 && answering) out('oit_approval', r.oit.submitted, 'approve_oit');
      break;
    case 'agency_admin':
      for (const { t } of outstanding) {
        if (t.code === 'oit_approval') {
          // Left to the admin: sending the items the executive has not got yet.
          const toSubmit = (t.required ?? 0) - r.oit.approved - r.oit.submitted;
          if (toSubmit > 0) out('oit_approval', toSubmit);
        } else if (!EXECUTIVE_TASKS.includes(t.code)) {
          const left = t.required === null ? 1 : Math.max(1, t.required - t.done);
          out(t.code, left);
        }
      }
      if (r.oit.returned > 0 && answering) out('oit_answers', r.oit.returned, 'oit_returned');
      break;
    case 'agency_staff':
      // Staff fill in delegated OIT items; the page shows which are theirs.
      for (const { t } of outstanding)
        if (t.code === 'oit_answers') out('oit_answers', (t.required ?? 0) - t.done);
      break;
    default:
      return assertNever(role);
  }
  return items;
}

/** Where an agency's flagged responses of the year are kept or excluded. */
const qualityLink = (agencyId: string, year: number) => `/quality?agency=${agencyId}&year=${year}`;

/** What waits for an assessor beside the progress facts. */
interface AssessorWaiting {
  /** The agencies the assessor is assigned for the year (EIT part 2 is their work alone). */
  assigned: ReadonlySet<string>;
  /** Interviews entered and not reviewed, by agency and interviewer. */
  awaitingReview: readonly { agencyId: string; interviewerId: string | null; n: number }[];
  undecidedFlags: Map<string, number>;
}

function assessorItems(
  actor: Actor,
  rows: readonly AgencyProgressRow[],
  waiting: AssessorWaiting,
  year: number,
) {
  const items: TodoItem[] = [];
  for (const r of rows) {
    const id = r.agency.id;
    const { provinceCode, ministryCode } = r.agency;
    const eit2Ref: Eit2Ref = {
      agency: { id, provinceCode, ministryCode },
      assessorsThisYear: waiting.assigned.has(id) ? [actor.userId] : [],
    };
    const push = (kind: TodoItem['kind'], code: TaskCode, count: number, link = taskLink(code, id, year)) => {
      const s = stageOfTask(r, code);
      items.push(
        item({ kind, task: code, stage: s?.code ?? null, agency: brief(r), count, ...timing(s), link }),
      );
    };
    const total = r.facts.oit.items;
    const scoring = stageOfTask(r, 'oit_scoring');
    if (total > 0 && r.oit.approved >= total && r.oit.scored < total && started(scoring))
      push('score_oit', 'oit_scoring', total - r.oit.scored);
    // Clarifications are decided in the confirmation stage (the decision refuses earlier): listed from then.
    const confirmation = stageOfTask(r, 'oit_confirmation');
    if (r.oit.clarified > r.oit.decided && started(confirmation))
      push('decide_clarifications', 'oit_confirmation', r.oit.clarified - r.oit.decided);
    if (total > 0 && r.oit.scored >= total && r.oit.confirmed < total && started(confirmation))
      push('confirm_oit', 'oit_confirmation', total - r.oit.confirmed);
    const eit2 = r.facts.eit2;
    const collecting = started(stageOfTask(r, 'eit2')) && can(actor, 'eit2.collect', eit2Ref);
    if (eit2 && eit2.minimum !== null && eit2.counted < eit2.minimum && collecting)
      push('collect_interviews', 'eit2', eit2.minimum - eit2.counted);
    // Only the interviews this assessor may review: never their own (the four-eyes rule).
    const toReview = waiting.awaitingReview
      .filter(
        (w) => w.agencyId === id && can(actor, 'eit2.review', { ...eit2Ref, interviewerId: w.interviewerId }),
      )
      .reduce((sum, w) => sum + w.n, 0);
    if (toReview > 0) push('review_interviews', 'eit2', toReview);
    const flagged = waiting.undecidedFlags.get(id) ?? 0;
    if (flagged > 0)
      items.push(
        item({ kind: 'decide_flags', agency: brief(r), count: flagged, link: qualityLink(id, year) }),
      );
  }
  return items;
}

/**
 * The flagged responses waiting for the assessor's keep/exclude decision, by agency — the quality page's own
 * count (`undecidedFlagsIn`: every response of an agency read and flagged in JS, so its cost grows with the
 * responses it is given; NACC's whole country is seconds). The home page asks it only for the agencies the
 * assessor is assigned **for this year** (not every year's, as the scope would allow) that have counted
 * responses: an undecided response is never excluded, so an agency with none counted has none to decide.
 */
async function flagsToDecide(
  deps: Deps,
  assigned: ReadonlySet<string>,
  year: number,
  rows: readonly AgencyProgressRow[],
): Promise<Map<string, number>> {
  const counted = (r: AgencyProgressRow) =>
    [r.facts.iit, r.facts.eit1, r.facts.eit2].some((c) => (c?.counted ?? 0) > 0);
  const agencies = rows
    .filter((r) => assigned.has(r.agency.id) && counted(r))
    .map((r) => ({ id: r.agency.id, type: r.agency.type }));
  return undecidedFlagsIn(deps.db, year, agencies);
}

function laggardItems(rows: readonly AgencyProgressRow[], year: number): TodoItem[] {
  const behind = rows
    .filter((r) => r.progress.behind > 0)
    .sort((a, b) => b.progress.behind - a.progress.behind);
  if (behind.length === 0) return [];
  const items = [
    item({ kind: 'agencies_behind', count: behind.length, link: `/monitoring/${year}?behind=true` }),
  ];
  for (const r of behind.slice(0, LAGGARDS_MAX)) {
    const next = r.progress.nextAgencyTask;
    const s = next === null ? undefined : stageOfTask(r, next);
    items.push(
      item({
        kind: 'laggard',
        task: next,
        stage: s?.code ?? null,
        agency: brief(r),
        count: r.progress.overdueStages,
        ...timing(s),
        link: `/agencies/${r.agency.id}`,
      }),
    );
  }
  return items;
}

function nationalItems(rows: readonly AgencyProgressRow[], year: number): TodoItem[] {
  const items: TodoItem[] = [];
  const behind = rows.filter((r) => r.progress.behind > 0).length;
  if (behind > 0)
    items.push(item({ kind: 'agencies_behind', count: behind, link: `/monitoring/${year}?behind=true` }));
  for (const stage of MONITORED_STAGES) {
    const late = rows.filter((r) =>
      r.progress.stages.some((s) => s.code === stage && s.state === 'overdue'),
    ).length;
    if (late > 0)
      items.push(
        item({
          kind: 'stage_overdue',
          stage,
          count: late,
          overdue: true,
          link: `/monitoring/${year}?stage=${stage}&state=overdue`,
        }),
      );
  }
  return items;
}

export async function todoList(deps: Deps, actor: Actor | null, requestedYear?: number): Promise<Todo> {
  authorize(actor, 'monitoring.todo', null);
  const year = requestedYear ?? (await latestFrameworkYear(deps.db));
  if (year === null) return { year: null, items: [], more: false };
  const { rows } = await agencyProgress(deps.db, {
    year,
    now: deps.now(),
    select: { actor },
    maxAgeMs: deps.config.monitoring.cacheMs,
  });
  // A year NACC closed has nothing left to do for anyone (no write of it is accepted any more): the same
  // closure every page and every write check reads (src/core/calendar.ts through the progress rule).
  if (rows.some((r) => r.progress.closed)) return { year, items: [], more: false };
  const role = actor.role;
  let items: TodoItem[];
  switch (role) {
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
      items = byUrgency(rows.flatMap((r) => agencyItems(role, r, year)));
      break;
    case 'assessor': {
      const ids = monitoredIdsIn(year, { scope: agencyScopeCondition(actor) });
      const assigned = await agenciesAssignedTo(deps.db, actor.userId, year);
      const [awaitingReview, undecidedFlags] = await Promise.all([
        interviewsAwaitingReviewByInterviewerIn(deps.db, year, ids),
        flagsToDecide(deps, assigned, year, rows),
      ]);
      items = byUrgency(assessorItems(actor, rows, { assigned, awaitingReview, undecidedFlags }, year));
      break;
    }
    case 'supervisor':
      items = laggardItems(rows, year);
      break;
    case 'admin':
      items = nationalItems(rows, year);
      break;
    default:
      return assertNever(role);
  }
  return { year, items: items.slice(0, TODO_MAX), more: items.length > TODO_MAX };
}

/** Late first, then the nearest deadline; otherwise in the order found (cycle order). */
function byUrgency(items: readonly TodoItem[]): TodoItem[] {
  const rank = (i: TodoItem) => (i.overdue ? -1 : (i.daysLeft ?? 10_000));
  return items
    .map((i, n) => ({ i, n }))
    .sort((a, b) => rank(a.i) - rank(b.i) || a.n - b.n)
    .map((x) => x.i);
}
