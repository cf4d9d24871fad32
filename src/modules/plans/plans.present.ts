// Plans as the API shows them: the activities with the monitoring links of the stages they chase, the
// template resolved for the year and the scope, the year's calendar, and the editor's limits.
import type { PlanScopeRef } from '../../core/authz.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { PlanActivity } from '../../core/plans/activity.ts';
import type { ChaseStage } from '../../core/plans/template.ts';
import { resolveTemplatePeriod } from '../../core/plans/template.ts';
import type { PlanRow } from './plans.repo.ts';
import {
  PLAN_LIMITS,
  type Plan,
  type PlanScope,
  type PlanSummary,
  type TemplateActivityView,
} from './plans.schema.ts';
import { officeNames, PLAN_TEMPLATE, type PlanScopeNames, templateTitle } from './plans.template.ts';

/**
 * The monitoring matrix of the scope's agencies with their own work outstanding in a stage (its filters
 * `province`/`ministry` and `stage` alone, as `GET /api/monitoring/:year/agencies` takes them). The one place
 * this address is built.
 */
export function monitoringHref(year: number, scope: PlanScopeRef, stage: ChaseStage): string {
  const q = new URLSearchParams({ [scope.kind]: scope.code, stage });
  return `/monitoring/${year}?${q.toString()}`;
}

export function presentTemplate(
  year: number,
  scope: PlanScopeNames,
  framework: Framework | null,
): TemplateActivityView[] {
  const calendar = framework?.calendar ?? [];
  return PLAN_TEMPLATE.map((t) => ({
    kind: t.kind,
    title: templateTitle(t, year, 'th'),
    titleEn: templateTitle(t, year, 'en'),
    period: resolveTemplatePeriod(t.period, year, calendar),
    offices: officeNames(t.offices, scope),
    chases: [...t.chases],
  }));
}

export function presentPlan(input: {
  year: number;
  scope: PlanScope;
  row: PlanRow | null;
  updatedByName: string | null;
  canEdit: boolean;
  framework: Framework | null;
  /** Agencies of the scope behind on each chased stage (empty when not counted: no framework that year). */
  behind: ReadonlyMap<ChaseStage, number>;
}): Plan {
  const { year, scope, row } = input;
  const ref = { kind: scope.kind, code: scope.code };
  return {
    year,
    scope,
    exists: row !== null,
    activities: (row?.activities ?? []).map((a) => presentActivity(year, ref, a, input.behind)),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy:
      row?.updatedBy && input.updatedByName !== null
        ? { id: row.updatedBy, name: input.updatedByName }
        : null,
    canEdit: input.canEdit,
    template: presentTemplate(year, { kind: scope.kind, nameTh: scope.name.th }, input.framework),
    calendar: (input.framework?.calendar ?? []).map((s) => ({
      code: s.code,
      name: { th: s.name.th, en: s.name.en ?? s.name.th },
      start: s.start,
      end: s.end,
    })),
    limits: { ...PLAN_LIMITS },
  };
}

function presentActivity(
  year: number,
  scope: PlanScopeRef,
  a: PlanActivity,
  behind: ReadonlyMap<ChaseStage, number>,
) {
  return {
    kind: a.kind,
    title: a.title,
    period: a.period,
    offices: a.offices,
    status: a.status,
    notes: a.notes,
    chases: a.chases.map((stage) => ({
      stage,
      href: monitoringHref(year, scope, stage),
      behind: behind.get(stage) ?? null,
    })),
  };
}

export function presentSummary(scope: PlanScope, row: PlanRow | null, canEdit: boolean): PlanSummary {
  const activities = row?.activities ?? [];
  return {
    scope,
    exists: row !== null,
    activities: activities.length,
    done: activities.filter((a) => a.status === 'done').length,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    canEdit,
  };
}
