// The plan editor's draft: the activities as the supervisor edits them, turned into the PUT body, what each
// still needs before it can be saved, and the moves (add from the template, reorder, remove). Pure, for tests.
import { type PlanPeriod, periodProblem } from '@server/core/plans/period.ts';
import type { Plan, PlanBody, TemplateActivityView } from '../../api/plans.ts';

type Activity = PlanBody['activities'][number];
export type ActivityStatus = NonNullable<Activity['status']>;
export type ChaseStage = NonNullable<Activity['chases']>[number];

export interface DraftActivity {
  /** A key for React that survives reordering and removal. */
  key: string;
  kind: Activity['kind'];
  title: string;
  period: PlanPeriod;
  offices: string[];
  status: ActivityStatus;
  notes: string;
  chases: ChaseStage[];
}

let counter = 0;
const newKey = () => `a${++counter}`;

export function draftFromPlan(plan: Pick<Plan, 'activities'>): DraftActivity[] {
  return plan.activities.map((a) => ({
    key: newKey(),
    kind: a.kind,
    title: a.title,
    period: a.period,
    offices: [...a.offices],
    status: a.status,
    notes: a.notes ?? '',
    chases: a.chases.map((c) => c.stage),
  }));
}

export function fromTemplate(t: TemplateActivityView): DraftActivity {
  return {
    key: newKey(),
    kind: t.kind,
    title: t.title,
    period: t.period,
    offices: [...t.offices],
    status: 'planned',
    notes: '',
    chases: [...t.chases],
  };
}

/** A blank activity of kind `other`, dated in the month given (the editor passes this month). */
export function blankActivity(month: string): DraftActivity {
  return {
    key: newKey(),
    kind: 'other',
    title: '',
    period: { kind: 'month', month },
    offices: [],
    status: 'planned',
    notes: '',
    chases: [],
  };
}

export function bodyFromDraft(draft: readonly DraftActivity[], version: number): PlanBody {
  return {
    activities: draft.map((a) => ({
      kind: a.kind,
      title: a.title.trim(),
      period: a.period,
      offices: a.offices.map((o) => o.trim()).filter((o) => o !== ''),
      status: a.status,
      notes: a.notes.trim() === '' ? null : a.notes.trim(),
      chases: a.chases,
    })),
    version,
  };
}

export type ActivityProblem = 'title' | 'titleTooLong' | 'offices' | 'tooManyOffices' | 'period';

/** What each activity still needs (by key), with the same rules the server applies. */
export function draftProblems(
  draft: readonly DraftActivity[],
  year: number,
  limits: Plan['limits'],
): Map<string, ActivityProblem[]> {
  const out = new Map<string, ActivityProblem[]>();
  for (const a of draft) {
    const list: ActivityProblem[] = [];
    const title = a.title.trim();
    if (title === '') list.push('title');
    else if (title.length > limits.title) list.push('titleTooLong');
    const offices = a.offices.filter((o) => o.trim() !== '');
    if (offices.length === 0) list.push('offices');
    else if (offices.length > limits.offices) list.push('tooManyOffices');
    if (periodProblem(a.period, year) !== null) list.push('period');
    if (list.length > 0) out.set(a.key, list);
  }
  return out;
}

export function draftChanged(draft: readonly DraftActivity[], saved: Pick<Plan, 'activities'>): boolean {
  return JSON.stringify(bodyFromDraft(draft, 0)) !== JSON.stringify(bodyFromDraft(draftFromPlan(saved), 0));
}

/** Moves the activity at `index` by `by` places (−1 up, +1 down); out of range changes nothing. */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1) as [T];
  out.splice(to, 0, item);
  return out;
}
