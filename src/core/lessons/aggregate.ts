// Lessons learned over a scope's published results (issue 11 §4): what the province office, the provincial
// local-government office or NACC brings to the meeting after publication (seed 000, activities 1 and 16) —
// the ratings against last year, an agencies × indicators table, the OIT items and IIT/EIT questions most
// agencies failed, the best agencies of each type to learn from, and the agencies that fell. Pure: the
// module reads the published rows (results' visibility rule) and last year's figures (the report's rule,
// core/results/previous-year.ts); everything here is counting.
//
// Disclosure (core/results/disclosure.ts): an agency's instrument scored from 1–4 responses, and the other
// survey instruments withheld with it, contribute nothing that comes from them — no indicator cell, no
// question — so no figure here can be traced back to a group under 5.
import type { AgencyType } from '../../shared/agency-types.ts';
import type { Framework } from '../framework/schema.ts';
import { indicatorSuppressed, suppressedInstruments } from '../results/disclosure.ts';
import type { EarlierSource } from '../results/previous-year.ts';
import { roundShare } from './target.ts';

export interface LessonsAgency {
  id: string;
  type: AgencyType;
  total: number;
  ratingCode: string;
  passes: boolean;
  /** Per instrument code: its responses (null for open data), for the disclosure rule. */
  instruments: Readonly<Record<string, { n: number | null }>>;
  indicators: Readonly<Record<string, number>>;
  /** Per instrument code, per question or OIT item code: its score. */
  questions: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Last year's figures standing for an agency (its published run, else its imported result). */
export interface LastYear {
  total: number;
  ratingCode: string;
  /** Whether that rating passed in last year's framework (null when the framework is not loaded). */
  passes: boolean | null;
  source: EarlierSource;
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
export const meanOf = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length);

/** The survey instruments of an agency whose figures may be shown (none withheld by the disclosure rule). */
function disclosed(agency: LessonsAgency): ReadonlySet<string> {
  const suppressed = suppressedInstruments(
    Object.entries(agency.instruments).map(([code, i]) => ({ code, n: i.n })),
  );
  return new Set(Object.keys(agency.instruments).filter((code) => !suppressed.has(code)));
}

export interface RatingCount {
  code: string;
  count: number;
  share: number | null;
  lastYear: number;
  /** This year's count minus last year's, over the agencies with last year's figures. */
  change: number;
}

/**
 * Every rating of the framework in its order (zero counts included), then any code it does not know (an
 * imported rating of last year's framework), with this year's and last year's counts.
 */
export function ratingDistribution(
  ratingCodes: readonly string[],
  agencies: readonly LessonsAgency[],
  lastYear: ReadonlyMap<string, LastYear>,
): RatingCount[] {
  const now = new Map<string, number>();
  const before = new Map<string, number>();
  for (const a of agencies) now.set(a.ratingCode, (now.get(a.ratingCode) ?? 0) + 1);
  for (const a of agencies) {
    const last = lastYear.get(a.id);
    if (last) before.set(last.ratingCode, (before.get(last.ratingCode) ?? 0) + 1);
  }
  const codes = [...new Set([...ratingCodes, ...now.keys(), ...before.keys()])];
  return codes.map((code) => {
    const count = now.get(code) ?? 0;
    const last = before.get(code) ?? 0;
    return {
      code,
      count,
      share: agencies.length === 0 ? null : roundShare(count / agencies.length),
      lastYear: last,
      change: count - last,
    };
  });
}

export interface HeatmapRow {
  agencyId: string;
  total: number;
  /** One cell per indicator of `indicators`, in order; null when withheld or not scored. */
  cells: (number | null)[];
}

/**
 * The agencies × indicators table, best total first: an indicator scored by a withheld instrument is null
 * for that agency (never its score), as is one the agency has no score for.
 */
export function indicatorHeatmap(
  framework: Pick<Framework, 'instruments'>,
  indicators: readonly string[],
  agencies: readonly LessonsAgency[],
): HeatmapRow[] {
  const scoredBy = new Map(
    indicators.map((code) => [
      code,
      framework.instruments.filter((i) => i.indicators.includes(code)).map((i) => i.code),
    ]),
  );
  return [...agencies]
    .sort((a, b) => b.total - a.total || a.id.localeCompare(b.id))
    .map((a) => {
      const suppressed = suppressedInstruments(
        Object.entries(a.instruments).map(([code, i]) => ({ code, n: i.n })),
      );
      return {
        agencyId: a.id,
        total: a.total,
        cells: indicators.map((code) => {
          const score = a.indicators[code];
          if (score === undefined) return null;
          return indicatorSuppressed(scoredBy.get(code) ?? [], suppressed) ? null : score;
        }),
      };
    });
}

export interface GroupHeatmapRow {
  group: string;
  agencies: number;
  /** The mean total of the group's agencies. */
  total: number | null;
  /** Per indicator: the mean of the group's shown cells (withheld ones are left out), null when none. */
  cells: (number | null)[];
  /** Per indicator: how many agencies' cells the mean is over. */
  counted: number[];
}

/**
 * The heatmap one level up (NACC's nation: a row per province): each cell the mean of the agencies' shown
 * scores — a withheld cell is left out, never guessed — best mean total first. Agencies without a group are
 * left out.
 */
export function groupHeatmap(
  rows: readonly HeatmapRow[],
  groupOf: (agencyId: string) => string | null,
): GroupHeatmapRow[] {
  const groups = new Map<string, HeatmapRow[]>();
  for (const r of rows) {
    const g = groupOf(r.agencyId);
    if (g === null) continue;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([group, members]) => {
      const width = members[0]?.cells.length ?? 0;
      const columns = Array.from({ length: width }, (_, i) =>
        members.flatMap((m) =>
          m.cells[i] === null || m.cells[i] === undefined ? [] : [m.cells[i] as number],
        ),
      );
      return {
        group,
        agencies: members.length,
        total: meanOf(members.map((m) => m.total)),
        cells: columns.map(meanOf),
        counted: columns.map((c) => c.length),
      };
    })
    .sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || a.group.localeCompare(b.group));
}

export interface FailedCount {
  instrument: string;
  code: string;
  /** Agencies with a score for it (disclosed only). */
  assessed: number;
  /** Of those, the agencies below the mark. */
  failed: number;
  mean: number | null;
}

function countFailures(
  agencies: readonly LessonsAgency[],
  instrument: string,
  mark: number,
  allowed: (a: LessonsAgency) => boolean,
): FailedCount[] {
  const scores = new Map<string, number[]>();
  for (const a of agencies) {
    if (!allowed(a)) continue;
    for (const [code, score] of Object.entries(a.questions[instrument] ?? {}))
      scores.set(code, [...(scores.get(code) ?? []), score]);
  }
  return [...scores.entries()]
    .map(([code, xs]) => ({
      instrument,
      code,
      assessed: xs.length,
      failed: xs.filter((x) => x < mark).length,
      mean: meanOf(xs),
    }))
    .filter((c) => c.failed > 0)
    .sort(
      (a, b) =>
        b.failed - a.failed ||
        (a.mean ?? 0) - (b.mean ?? 0) ||
        a.code.localeCompare(b.code, 'en', { numeric: true }),
    );
}

/** OIT items scored 0 (an item scores 100 only when every component is shown), most agencies first. */
export function failedOitItems(agencies: readonly LessonsAgency[], instrument: string, limit: number) {
  return countFailures(agencies, instrument, 100, () => true).slice(0, limit);
}

/**
 * Per survey instrument, the questions most agencies scored below the pass mark (then the lowest mean),
 * counting only agencies whose instrument is disclosed; `limit` per instrument.
 */
export function weakestQuestions(
  agencies: readonly LessonsAgency[],
  instruments: readonly string[],
  passMark: number,
  limit: number,
): FailedCount[] {
  const shown = new Map(agencies.map((a) => [a.id, disclosed(a)]));
  return instruments.flatMap((code) =>
    countFailures(agencies, code, passMark, (a) => shown.get(a.id)?.has(code) === true).slice(0, limit),
  );
}

/**
 * The best agencies of each type (to learn from): the `perType` highest totals of passing agencies, every
 * agency tied with the last of them too. Types in the order given.
 */
export function topPerformers(
  agencies: readonly LessonsAgency[],
  types: readonly AgencyType[],
  perType: number,
): { type: AgencyType; agencyIds: string[] }[] {
  return types.flatMap((type) => {
    const sorted = agencies
      .filter((a) => a.type === type && a.passes)
      .sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
    if (sorted.length === 0) return [];
    const cut = (sorted[Math.min(perType, sorted.length) - 1] as LessonsAgency).total;
    return [{ type, agencyIds: sorted.filter((a) => a.total >= cut).map((a) => a.id) }];
  });
}

export interface Fall {
  agencyId: string;
  total: number;
  lastYear: LastYear;
  /** This year's total minus last year's (negative). */
  change: number;
  /** Passed last year and does not now. */
  lostPass: boolean;
}

/** The agencies whose total is lower than last year's, the largest fall first. */
export function agenciesThatFell(
  agencies: readonly LessonsAgency[],
  lastYear: ReadonlyMap<string, LastYear>,
): Fall[] {
  return agencies
    .flatMap((a) => {
      const last = lastYear.get(a.id);
      if (!last) return [];
      const change = round2(a.total - last.total);
      return change < 0
        ? [
            {
              agencyId: a.id,
              total: a.total,
              lastYear: last,
              change,
              lostPass: last.passes === true && !a.passes,
            },
          ]
        : [];
    })
    .sort((a, b) => a.change - b.change || a.agencyId.localeCompare(b.agencyId));
}

export interface ScopeSummary {
  agencies: number;
  mean: number | null;
  passing: number;
  share: number | null;
  lastYear: { agencies: number; mean: number | null; passing: number | null; share: number | null };
}

/**
 * This year's count, mean and passing share, and last year's over the same agencies (those with figures
 * for it; passing only when every one of them has a known pass).
 */
export function scopeSummary(
  agencies: readonly LessonsAgency[],
  lastYear: ReadonlyMap<string, LastYear>,
): ScopeSummary {
  const passing = agencies.filter((a) => a.passes).length;
  const before = agencies.flatMap((a) => {
    const l = lastYear.get(a.id);
    return l ? [l] : [];
  });
  const known = before.every((l) => l.passes !== null);
  const passedBefore = before.filter((l) => l.passes === true).length;
  return {
    agencies: agencies.length,
    mean: meanOf(agencies.map((a) => a.total)),
    passing,
    share: agencies.length === 0 ? null : roundShare(passing / agencies.length),
    lastYear: {
      agencies: before.length,
      mean: meanOf(before.map((l) => l.total)),
      passing: known ? passedBefore : null,
      share: known && before.length > 0 ? roundShare(passedBefore / before.length) : null,
    },
  };
}
