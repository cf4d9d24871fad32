// Processing runs: NACC admins only, on both sides (runs are not tied to one agency), and nobody else sees
// a run or a score. Setup loads the bundled frameworks, gives A and B a participation and stores two
// finished runs (inserted as finished: the worker is not part of the matrix) whose every figure differs, so
// that a route showing the wrong run shows the wrong numbers (public-results.cases.ts checks which one).
import { participations, processingRuns, publications } from '../../src/db/schema/index.ts';
import { insertResult } from '../../src/modules/public-results/public-results.fixture.testing.ts';
import { loadFramework, YEAR } from '../../src/modules/quality/quality.fixture.testing.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase, signedIn } from './cases.ts';
import { publicationListContents, reportContents, runListContents, runResultsContents } from './contents.ts';
import type { World } from './world.ts';

interface ResultsFixture {
  runs: [string, string];
  /** A publication of the first run under embargo until 2030 (the DELETE case cancels it). */
  waiting: string;
}

/**
 * Agency A's and B's totals in the first run (under embargo) and the second (published); every indicator is
 * at the total, and each run scores the OIT items the other way round (fixture of public-results).
 */
const TOTALS = [
  [61.25, 63.75],
  [88.5, 91.25],
] as const;
const OIT_SCORES = [(i: number) => (i % 2 ? 100 : 0), (i: number) => (i % 2 ? 0 : 100)] as const;
const fixture = (w: World) => w.extra.results as ResultsFixture;

export async function setup(w: World) {
  const { version, framework } = await loadFramework(w.db);
  for (const side of [w.A, w.B])
    await w.db
      .insert(participations)
      .values({ agencyId: side.agency.id, year: YEAR, registered: true, registeredAt: new Date() })
      .onConflictDoNothing();
  const finished = (i: number) => ({
    year: YEAR,
    frameworkVersion: version,
    kind: 'run' as const,
    scope: 'all' as const,
    status: 'done' as const,
    inputsHash: String(i).repeat(64),
    createdAt: new Date(`2025-04-0${i}T03:00:00Z`),
    finishedAt: new Date(`2025-04-0${i}T03:05:00Z`),
  });
  const rows = await w.db
    .insert(processingRuns)
    .values([finished(1), finished(2)])
    .returning({ id: processingRuns.id });
  const runs = [rows[0]?.id, rows[1]?.id] as [string, string];
  // 12 IIT responses: nothing withheld from the public, so every stored figure is shown.
  for (const [r, runId] of runs.entries())
    for (const [s, side] of [w.A, w.B].entries())
      await insertResult(w.db, framework, runId, side.agency.id, TOTALS[r]?.[s] ?? 0, 12, OIT_SCORES[r]);
  // The second run is published (in effect since before the app's clock); the first waits until 2030.
  const past = new Date(w.t.deps.now().getTime() - 3_600_000);
  const [, waiting] = await w.db
    .insert(publications)
    .values([
      { year: YEAR, runId: runs[1], publishAt: past, createdAt: past },
      { year: YEAR, runId: runs[0], publishAt: new Date('2030-01-01T00:00:00Z'), reason: 'matrix' },
    ])
    .returning({ id: publications.id });
  w.extra.results = { runs, waiting: waiting?.id as string } satisfies ResultsFixture;
}

const run = (w: CaseWorld) => fixture(w).runs[1];

export const cases: MatrixCase[] = [
  {
    name: 'POST /api/results/:year/runs',
    method: 'POST',
    url: () => `/api/results/${YEAR}/runs`,
    // A preview of the target agency: the first one queued stays queued (no worker), later ones answer 409.
    body: (w) => ({ kind: 'preview', scope: 'agency', agencyId: w.target.agency.id }),
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/results/:year/runs',
    method: 'GET',
    url: () => `/api/results/${YEAR}/runs`,
    expect: allow({ admin: both }),
    contents: runListContents,
  },
  {
    name: 'GET /api/results/:year/runs/:id',
    method: 'GET',
    url: (w) => `/api/results/${YEAR}/runs/${run(w)}`,
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/results/:year/runs/:id/changes',
    method: 'GET',
    url: (w) => `/api/results/${YEAR}/runs/${run(w)}/changes?against=${fixture(w).runs[0]}`,
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/results/:year/runs/:id/agencies',
    method: 'GET',
    url: (w) => `/api/results/${YEAR}/runs/${run(w)}/agencies`,
    expect: allow({ admin: both }),
    contents: runResultsContents((w) => fixture(w).runs[1]),
  },
  {
    name: 'POST /api/results/:year/publications',
    method: 'POST',
    url: () => `/api/results/${YEAR}/publications`,
    // Superseding the run in effect without a reason: 400 after authorization, nothing stored.
    body: (w) => ({ runId: fixture(w).runs[0] }),
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/results/:year/publications',
    method: 'GET',
    url: () => `/api/results/${YEAR}/publications`,
    expect: signedIn(),
    contents: publicationListContents,
  },
  {
    name: 'DELETE /api/results/:year/publications/:id',
    method: 'DELETE',
    url: (w) => `/api/results/${YEAR}/publications/${fixture(w).waiting}`,
    // The first admin request cancels it, the second answers 409 (already cancelled).
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/agencies/:id/results/:year',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/results/${YEAR}`,
    // Whoever reaches the agency sees the published run's result (the assessor: agency A, assigned).
    expect: allow({
      admin: both,
      assessor: inScopeOnly,
      supervisor: inScopeOnly,
      agency_admin: inScopeOnly,
      executive: inScopeOnly,
      agency_staff: inScopeOnly,
    }),
  },
  {
    name: 'GET /api/agencies/:id/results/:year/report',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/results/${YEAR}/report`,
    // The same rule as the agency's result; the check compares the run shown with the publications.
    expect: allow({
      admin: both,
      assessor: inScopeOnly,
      supervisor: inScopeOnly,
      agency_admin: inScopeOnly,
      executive: inScopeOnly,
      agency_staff: inScopeOnly,
    }),
    contents: reportContents,
  },
  {
    name: 'GET /api/agencies/:id/results/:year/report.xlsx',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/results/${YEAR}/report.xlsx`,
    expect: allow({
      admin: both,
      assessor: inScopeOnly,
      supervisor: inScopeOnly,
      agency_admin: inScopeOnly,
      executive: inScopeOnly,
      agency_staff: inScopeOnly,
    }),
  },
];
