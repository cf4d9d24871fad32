// How a plan template's activity gets its period for a given year (issue 12 §3). A template names when an
// activity happens relative to the fiscal year (months from its first October) or to the framework's own
// calendar stages (registration, OIT answering…); resolved against the year's calendar, a plan starts with
// the dates NACC set that year. Where the year's framework has no such stage, the template's months apply.
import type { StageDates } from '../calendar.ts';
import { assertNever } from '../exhaustive.ts';
import type { MonitoredStage } from '../monitoring/progress.ts';
import { addMonths, fiscalYearBounds, type PlanPeriod, periodOfDays } from './period.ts';

/**
 * The calendar stages a plan's activity can chase agencies through: for each, the monitoring view lists the
 * agencies behind on it (not registered, stakeholder numbers not approved, below the minimum sample, OIT not
 * approved). Codes are the framework calendar's.
 */
export const CHASE_STAGES = [
  'register',
  'stakeholder_data',
  'iit_collection',
  'eit_collection',
  'oit_answering',
  // Each is a stage the monitoring rule follows (the links and counts of chasing activities depend on it).
] as const satisfies readonly MonitoredStage[];
export type ChaseStage = (typeof CHASE_STAGES)[number];

/** Months counted from the October that opens the fiscal year: 0 = October, −1 = the September before. */
export interface FiscalMonths {
  first: number;
  last: number;
}

export type TemplatePeriod =
  | ({ from: 'fiscalMonths' } & FiscalMonths)
  /** From the first day of the earliest stage to the last day of the latest; as months or exact days. */
  | { from: 'stages'; stages: readonly string[]; as: 'dates' | 'months'; fallback: FiscalMonths }
  /** The last `days` days of a stage (visits to the agencies still behind before it closes). */
  | { from: 'stageEnd'; stage: string; days: number; fallback: FiscalMonths };

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

function fiscalMonths(year: number, f: FiscalMonths): PlanPeriod {
  const october = fiscalYearBounds(year).start.slice(0, 7);
  const from = addMonths(october, Math.min(f.first, f.last));
  const to = addMonths(october, Math.max(f.first, f.last));
  return from === to ? { kind: 'month', month: from } : { kind: 'months', from, to };
}

/** The period a template activity has in the plan of `year`, given that year's framework calendar. */
export function resolveTemplatePeriod(
  spec: TemplatePeriod,
  year: number,
  calendar: readonly StageDates[],
): PlanPeriod {
  switch (spec.from) {
    case 'fiscalMonths':
      return fiscalMonths(year, spec);
    case 'stages': {
      const stages = calendar.filter((s) => spec.stages.includes(s.code));
      if (stages.length === 0) return fiscalMonths(year, spec.fallback);
      const start = stages.map((s) => s.start).sort()[0] as string;
      const end = stages
        .map((s) => s.end)
        .sort()
        .at(-1) as string;
      return periodOfDays(start, end, spec.as);
    }
    case 'stageEnd': {
      const stage = calendar.find((s) => s.code === spec.stage);
      if (!stage) return fiscalMonths(year, spec.fallback);
      const from = addDays(stage.end, -(Math.max(1, spec.days) - 1));
      return { kind: 'dates', from: from < stage.start ? stage.start : from, to: stage.end };
    }
    default:
      return assertNever(spec);
  }
}
