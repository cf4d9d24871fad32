// Filtering, sorting and roll-up of presented matrix rows: pure, over the rows of one scope (the facts are
// gathered set-based; a scope is at most the country's ~8,300 agencies).
import { assertNever } from '../../core/exhaustive.ts';
import type { MonitoredStage, StageProgressState, TaskCode } from '../../core/monitoring/progress.ts';
import { AGENCY_TYPE_LABELS } from '../../shared/agency-type-labels.ts';
import type { MatrixFilter, MatrixRow, MatrixSort, RollupBy, RollupGroup } from './monitoring.schema.ts';

const collator = new Intl.Collator('th');

export function matchesFilter(r: MatrixRow, f: MatrixFilter): boolean {
  if (f.behind && r.behind === 0) return false;
  if (f.state !== undefined) {
    const cells = f.stage === undefined ? r.stages : r.stages.filter((s) => s.code === f.stage);
    if (!cells.some((s) => s.state === f.state)) return false;
  } else if (f.stage !== undefined && !r.stages.some((s) => s.code === f.stage && s.agencyOutstanding)) {
    // A stage alone: the agencies with their own work outstanding in it.
    return false;
  }
  if (f.q !== undefined) {
    const q = f.q.toLocaleLowerCase('th');
    const a = r.agency;
    const hay = [a.code, a.nameTh, a.nameEn ?? ''].map((s) => s.toLocaleLowerCase('th'));
    if (!hay.some((s) => s.includes(q))) return false;
  }
  return true;
}

/** How late a stage is, for sorting worst first: over and not done, then due soon, open, … done. */
const LATENESS: Record<StageProgressState, number> = {
  overdue: 5,
  due_soon: 4,
  open: 3,
  unscheduled: 2,
  upcoming: 1,
  done: 0,
};

function stageKey(r: MatrixRow, code: MonitoredStage): [number, number, number] {
  const s = r.stages.find((c) => c.code === code);
  if (!s) return [-1, 0, 0];
  // Among equally late cells: the agency's own work before the assessors', fewer days left first.
  return [LATENESS[s.state], s.agencyOutstanding ? 1 : 0, -(s.daysLeft ?? 10_000)];
}

const cmpTuple = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};
const cmpText = (a: string | undefined, b: string | undefined) =>
  collator.compare(a ?? '\uffff', b ?? '\uffff');

/** Sorted copy; ties keep the incoming order (by Thai name). Worst first by default for lateness sorts. */
export function sortRows(rows: readonly MatrixRow[], sort: MatrixSort, dir?: 'asc' | 'desc'): MatrixRow[] {
  const lateness = sort === 'behind' || !['name', 'code', 'province', 'ministry', 'type'].includes(sort);
  const sign = (dir ?? (lateness ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  const cmp = comparator(sort);
  return [...rows].sort((a, b) => sign * cmp(a, b));
}

function comparator(sort: MatrixSort): (a: MatrixRow, b: MatrixRow) => number {
  switch (sort) {
    case 'behind':
      return (a, b) => a.behind - b.behind;
    case 'name':
      return (a, b) => cmpText(a.agency.nameTh, b.agency.nameTh);
    case 'code':
      return (a, b) => cmpText(a.agency.code, b.agency.code);
    case 'province':
      return (a, b) => cmpText(a.agency.province?.name.th, b.agency.province?.name.th);
    case 'ministry':
      return (a, b) => cmpText(a.agency.ministry?.name.th, b.agency.ministry?.name.th);
    case 'type':
      return (a, b) => cmpText(a.agency.type, b.agency.type);
    case 'register':
    case 'stakeholder_data':
    case 'iit_collection':
    case 'eit_collection':
    case 'oit_answering':
    case 'oit_scoring':
    case 'clarification':
    case 'confirmation':
      return (a, b) => cmpTuple(stageKey(a, sort), stageKey(b, sort));
    default:
      return assertNever(sort);
  }
}

// A group counts an agency as having done a task by the matrix's own cell: the task `complete` there (the one
// progress rule, core/monitoring/progress.ts), never a second reading of the facts.
const taskComplete = (r: MatrixRow, code: TaskCode) =>
  r.stages.some((s) => s.tasks.some((t) => t.code === code && t.complete));

function emptyGroup(key: string | null, name: RollupGroup['name']): RollupGroup {
  return {
    key,
    name,
    agencies: 0,
    registered: 0,
    stakeholderEntered: 0,
    stakeholderApproved: 0,
    iitReached: 0,
    eit1Reached: 0,
    eit2Reached: 0,
    oitAnswered: 0,
    oitApproved: 0,
    oitScored: 0,
    oitClarified: 0,
    oitConfirmed: 0,
    behind: 0,
    overdue: 0,
  };
}

function add(g: RollupGroup, r: MatrixRow) {
  g.agencies += 1;
  if (r.registered) g.registered += 1;
  if (taskComplete(r, 'stakeholder_entry')) g.stakeholderEntered += 1;
  if (taskComplete(r, 'stakeholder_approval')) g.stakeholderApproved += 1;
  if (taskComplete(r, 'iit')) g.iitReached += 1;
  if (taskComplete(r, 'eit1')) g.eit1Reached += 1;
  if (taskComplete(r, 'eit2')) g.eit2Reached += 1;
  if (taskComplete(r, 'oit_answers')) g.oitAnswered += 1;
  if (taskComplete(r, 'oit_approval')) g.oitApproved += 1;
  if (taskComplete(r, 'oit_scoring')) g.oitScored += 1;
  if (taskComplete(r, 'oit_clarification')) g.oitClarified += 1;
  if (taskComplete(r, 'oit_confirmation')) g.oitConfirmed += 1;
  if (r.behind > 0) g.behind += 1;
  if (r.overdueStages > 0) g.overdue += 1;
}

function groupOf(r: MatrixRow, by: RollupBy): { key: string | null; name: RollupGroup['name'] } {
  switch (by) {
    case 'ministry':
      return { key: r.agency.ministry?.code ?? null, name: r.agency.ministry?.name ?? null };
    case 'province':
      return { key: r.agency.province?.code ?? null, name: r.agency.province?.name ?? null };
    case 'type':
      return { key: r.agency.type, name: AGENCY_TYPE_LABELS[r.agency.type] };
    default:
      return assertNever(by);
  }
}

/** Counts per group (by Thai name, the group without a key last) and over all rows. */
export function rollUp(
  rows: readonly MatrixRow[],
  by: RollupBy,
): { total: RollupGroup; groups: RollupGroup[] } {
  const total = emptyGroup(null, null);
  const groups = new Map<string | null, RollupGroup>();
  for (const r of rows) {
    const { key, name } = groupOf(r, by);
    let g = groups.get(key);
    if (!g) {
      g = emptyGroup(key, name);
      groups.set(key, g);
    }
    add(g, r);
    add(total, r);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.key === null ? 1 : b.key === null ? -1 : cmpText(a.name?.th ?? a.key, b.name?.th ?? b.key),
  );
  return { total, groups: sorted };
}
