// A year's stages as the pages show them. Whether a stage is open, ended or still to come is decided by one
// rule (src/core/calendar.ts) on the server, by the server's clock: for an agency with its extensions applied
// (GET /agencies/:id/calendar/:year), without one the year's own dates with its closure (GET
// /cycles/:year/calendar). Nothing here decides a stage's phase, and the browser's clock is never read.

import type { StagePhase } from '@server/core/calendar.ts';
import type { Localized } from '@server/core/framework/schema.ts';
import type { AgencyCalendar } from '../api/calendar.ts';
import type { CycleCalendar } from '../api/cycles.ts';

export interface StageRow {
  code: string;
  name: Localized | { th: string; en?: string };
  start: string;
  /** The framework's last day. */
  end: string;
  /** The last day after any extension. */
  closesOn: string;
  phase: StagePhase;
  extended: boolean;
}

export interface StagesView {
  today: string;
  stages: StageRow[];
  current: string[];
  next: string | null;
  allEnded: boolean;
}

/** An agency's calendar exactly as the API stated it. */
export function agencyStagesView(c: AgencyCalendar): StagesView {
  return {
    today: c.today,
    stages: c.stages.map((s) => ({
      code: s.code,
      name: s.name,
      start: s.start,
      end: s.end,
      closesOn: s.effectiveEnd,
      phase: s.phase,
      extended: s.extended,
    })),
    current: c.current,
    next: c.next,
    allEnded: c.allEnded,
  };
}

/** A year's own dates as the server stated them (GET /cycles/:year/calendar: no agency, its closure applied). */
export function cycleStagesView(c: CycleCalendar): StagesView {
  return {
    today: c.today,
    stages: c.stages.map((s) => ({
      code: s.code,
      name: s.name,
      start: s.start,
      end: s.end,
      closesOn: s.end,
      phase: s.phase,
      extended: false,
    })),
    current: c.current,
    next: c.next,
    allEnded: c.allEnded,
  };
}

export type StagesLine =
  | { kind: 'now'; stages: StageRow[] }
  | { kind: 'next'; stage: StageRow }
  | { kind: 'ended' }
  | { kind: 'none' };

/** The one line a home page says about the year: what runs now, else what comes next, else that all ended. */
export function stagesLine(view: StagesView): StagesLine {
  const byCode = (code: string) => view.stages.find((s) => s.code === code);
  const now = view.current.flatMap((c) => byCode(c) ?? []);
  if (now.length > 0) return { kind: 'now', stages: now };
  const next = view.next ? byCode(view.next) : undefined;
  if (next) return { kind: 'next', stage: next };
  return view.allEnded ? { kind: 'ended' } : { kind: 'none' };
}
