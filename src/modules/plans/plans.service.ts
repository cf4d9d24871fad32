// Provincial plans (issue 12 §3): the supervisors of a province or ministry write its plan for a fiscal year
// (activities in order, each with a period, offices, status, notes and the stages it chases); NACC reads every
// plan. A plan starts from the template, resolved against the year's framework calendar. Each save replaces
// the list as a whole, audited, and a save over a newer version is refused (409 `plan_changed`).
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, can, type PlanScopeRef } from '../../core/authz.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { assertNever } from '../../core/exhaustive.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { PlanActivity } from '../../core/plans/activity.ts';
import { formatPeriod, periodProblem } from '../../core/plans/period.ts';
import type { ChaseStage } from '../../core/plans/template.ts';
import { appendAudit } from '../audit/index.ts';
import { docxToPdf, officialDocx } from '../documents/index.ts';
import { frameworksForYears } from '../frameworks/index.ts';
import { agencyProgress } from '../monitoring/index.ts';
import { ministriesByCodes, provincesByCodes } from '../reference/index.ts';
import { userNamesByIds } from '../users/index.ts';
import { planDocument, planFileName } from './plans.export.ts';
import { presentPlan, presentSummary, presentTemplate } from './plans.present.ts';
import { insertPlan, lockPlan, type PlanRow, plansOfYear, selectPlan, updatePlan } from './plans.repo.ts';
import type { Plan, PlanBody, PlanList, PlanScope, TemplateActivityView } from './plans.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export const planEntityId = (scope: PlanScopeRef, year: number) => `${scope.kind}:${scope.code}:${year}`;

const scopeNotFound = () =>
  notFound('plan_scope_not_found', 'ไม่พบจังหวัดหรือกระทรวงที่ระบุ', 'No such province or ministry');

/** The scopes' names (th/en) by kind and code; a scope not in the reference data is left out. */
async function scopeNames(deps: Deps, scopes: readonly PlanScopeRef[]): Promise<Map<string, PlanScope>> {
  const provinces = await provincesByCodes(
    deps.db,
    scopes.filter((s) => s.kind === 'province').map((s) => s.code),
  );
  const ministries = await ministriesByCodes(
    deps.db,
    scopes.filter((s) => s.kind === 'ministry').map((s) => s.code),
  );
  const out = new Map<string, PlanScope>();
  for (const s of scopes) {
    const row = s.kind === 'province' ? provinces.get(s.code) : ministries.get(s.code);
    if (row) out.set(`${s.kind}:${s.code}`, { ...s, name: { th: row.nameTh, en: row.nameEn } });
  }
  return out;
}

async function scopeOf(deps: Deps, ref: PlanScopeRef): Promise<PlanScope> {
  const scope = (await scopeNames(deps, [ref])).get(`${ref.kind}:${ref.code}`);
  if (!scope) throw scopeNotFound();
  return scope;
}

async function frameworkOf(deps: Deps, year: number): Promise<Framework | null> {
  return (await frameworksForYears(deps.db, [year])).get(year) ?? null;
}

export async function getPlan(
  deps: Deps,
  actor: Actor | null,
  year: number,
  ref: PlanScopeRef,
): Promise<Plan> {
  authorize(actor, 'plans.read', ref);
  const scope = await scopeOf(deps, ref);
  return presentFor(deps, actor, year, scope, await selectPlan(deps.db, ref, year));
}

export async function putPlan(
  deps: Deps,
  actor: Actor | null,
  year: number,
  ref: PlanScopeRef,
  body: PlanBody,
): Promise<Plan> {
  const { actor: writer, scope, row } = await savePlan(deps, actor, year, ref, body);
  return presentFor(deps, writer, year, scope, row);
}

/**
 * Whether the scope's plan of the year was saved, and the template resolved for it — for the one who would
 * write it (the demo seed starts its plan from here without reading the agencies' progress).
 */
export async function planTemplateFor(
  deps: Deps,
  actor: Actor | null,
  year: number,
  ref: PlanScopeRef,
): Promise<{ exists: boolean; template: TemplateActivityView[] }> {
  authorize(actor, 'plans.write', ref);
  const scope = await scopeOf(deps, ref);
  const row = await selectPlan(deps.db, ref, year);
  const template = presentTemplate(
    year,
    { kind: scope.kind, nameTh: scope.name.th },
    await frameworkOf(deps, year),
  );
  return { exists: row !== null, template };
}

/** The save itself: authorized, validated, one transaction, audited; the stored row. */
export async function savePlan(
  deps: Deps,
  actor: Actor | null,
  year: number,
  ref: PlanScopeRef,
  body: PlanBody,
): Promise<{ actor: Actor; scope: PlanScope; row: PlanRow }> {
  authorize(actor, 'plans.write', ref);
  const scope = await scopeOf(deps, ref);
  const problems = body.activities.flatMap((a, i) => {
    const problem = periodProblem(a.period, year);
    if (problem === null) return [];
    return [
      {
        path: `activities.${i}.period`,
        th: `ระยะเวลา “${formatPeriod(a.period, 'th')}” อยู่นอกช่วงของแผนปีงบประมาณ พ.ศ. ${year}`,
        en: `The period “${formatPeriod(a.period, 'en')}” lies outside the FY${year} plan’s time`,
      },
    ];
  });
  if (problems.length > 0)
    throw invalid(
      'plan_period_outside_year',
      'ระยะเวลาของกิจกรรมต้องอยู่ภายในหนึ่งปีก่อนหรือหลังปีงบประมาณของแผน',
      'An activity’s period must lie within a year of the plan’s fiscal year',
      problems,
    );
  const activities: PlanActivity[] = body.activities.map((a) => ({
    kind: a.kind,
    title: a.title,
    period: a.period,
    offices: a.offices,
    status: a.status,
    notes: a.notes && a.notes.length > 0 ? a.notes : null,
    chases: a.chases,
  }));
  const now = deps.now();
  const saved = await deps.db.transaction(async (tx) => {
    const before = await lockPlan(tx, ref, year);
    const row =
      before === null
        ? body.version === 0
          ? await insertPlan(tx, ref, year, activities, actor.userId, now)
          : null
        : await updatePlan(tx, before.id, body.version, activities, actor.userId, now);
    if (row === null)
      throw conflict(
        'plan_changed',
        'มีผู้บันทึกแผนนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่แล้วบันทึกอีกครั้ง',
        'Someone saved this plan after you opened it: reload and save again',
        { version: before?.version ?? 0 },
      );
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'supervision_plan',
        entityId: planEntityId(ref, year),
        action: before ? 'update' : 'create',
        before: before ? { activities: before.activities, version: before.version } : undefined,
        after: { activities, version: row.version },
      },
      now,
    );
    return row;
  });
  return { actor, scope, row: saved };
}

async function presentFor(
  deps: Deps,
  actor: Actor,
  year: number,
  scope: PlanScope,
  row: PlanRow | null,
): Promise<Plan> {
  const ref = { kind: scope.kind, code: scope.code };
  const names = await userNamesByIds(deps.db, [row?.updatedBy ?? null]);
  const framework = await frameworkOf(deps, year);
  return presentPlan({
    year,
    scope,
    row,
    updatedByName: row?.updatedBy ? (names.get(row.updatedBy)?.displayName ?? null) : null,
    canEdit: can(actor, 'plans.write', ref),
    framework,
    behind: framework ? await behindCounts(deps, actor, year, ref, row?.activities ?? []) : new Map(),
  });
}

/**
 * For each stage the plan chases, how many agencies of the scope (as far as the viewer reaches) have their own
 * work outstanding in it now — the monitoring module's progress by its one rule, the matrix's `stage` filter.
 */
async function behindCounts(
  deps: Deps,
  actor: Actor,
  year: number,
  ref: PlanScopeRef,
  activities: readonly PlanActivity[],
): Promise<Map<ChaseStage, number>> {
  const stages = new Set(activities.flatMap((a) => a.chases));
  if (stages.size === 0) return new Map();
  const { rows } = await agencyProgress(deps.db, {
    year,
    now: deps.now(),
    select: { actor },
    provinceCode: ref.kind === 'province' ? ref.code : undefined,
    ministryCode: ref.kind === 'ministry' ? ref.code : undefined,
  });
  return new Map(
    [...stages].map((stage) => [
      stage,
      rows.filter((r) => r.progress.stages.some((s) => s.code === stage && s.agencyOutstanding)).length,
    ]),
  );
}

/** The saved plan as DOCX or PDF (404 `plan_not_found` before its first save). */
export async function exportPlan(
  deps: Deps,
  actor: Actor | null,
  year: number,
  ref: PlanScopeRef,
  format: 'docx' | 'pdf',
  thaiDigits: boolean,
): Promise<{ filename: string; body: Buffer }> {
  const plan = await getPlan(deps, actor, year, ref);
  if (!plan.exists)
    throw notFound('plan_not_found', 'ยังไม่ได้บันทึกแผนของปีนี้', 'This year’s plan has not been saved yet');
  const docx = await officialDocx(planDocument(plan, thaiDigits, deps.now()));
  return { filename: planFileName(plan, format), body: format === 'docx' ? docx : await docxToPdf(docx) };
}

/**
 * The plans a viewer reads for a year: a supervisor every province and ministry of their scope (saved or
 * not, so the page can start one), NACC every saved plan.
 */
export async function listPlans(deps: Deps, actor: Actor | null, year: number): Promise<PlanList> {
  authorize(actor, 'plans.list', null);
  let refs: PlanScopeRef[];
  let rows: PlanRow[];
  switch (actor.role) {
    case 'admin':
      rows = await plansOfYear(deps.db, year, 'all');
      refs = rows.map(refOfRow);
      break;
    case 'supervisor':
      refs = [
        ...actor.scope.provinces.map((code) => ({ kind: 'province' as const, code })),
        ...actor.scope.ministries.map((code) => ({ kind: 'ministry' as const, code })),
      ];
      rows = await plansOfYear(deps.db, year, {
        provinces: actor.scope.provinces,
        ministries: actor.scope.ministries,
      });
      break;
    case 'assessor':
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
      // 'plans.list' refused them above; listed so that a new role must decide here too.
      refs = [];
      rows = [];
      break;
    default:
      return assertNever(actor.role);
  }
  const byKey = new Map(rows.map((r) => [keyOf(refOfRow(r)), r]));
  const names = await scopeNames(deps, refs);
  const plans = refs
    // Every row is re-checked with the read rule: the list never holds a plan the viewer may not open.
    .filter((ref) => can(actor, 'plans.read', ref))
    .flatMap((ref) => {
      const scope = names.get(keyOf(ref));
      return scope
        ? [presentSummary(scope, byKey.get(keyOf(ref)) ?? null, can(actor, 'plans.write', ref))]
        : [];
    })
    .sort(
      (a, b) =>
        a.scope.kind.localeCompare(b.scope.kind) || a.scope.name.th.localeCompare(b.scope.name.th, 'th'),
    );
  return { year, plans };
}

const keyOf = (ref: PlanScopeRef) => `${ref.kind}:${ref.code}`;

function refOfRow(row: { provinceCode: string | null; ministryCode: string | null }): PlanScopeRef {
  if (row.provinceCode !== null) return { kind: 'province', code: row.provinceCode };
  if (row.ministryCode !== null) return { kind: 'ministry', code: row.ministryCode };
  // The table's check constraint guarantees exactly one of them.
  throw new Error('supervision plan without a scope');
}
