// Processing runs: NACC admins only, on both sides (runs are not tied to one agency), and nobody else sees
// a run or a score. Setup loads the bundled frameworks, gives A and B a participation and stores two
// finished runs (inserted as finished: the worker is not part of the matrix).
import { participations, processingRuns } from '../../src/db/schema/index.ts';
import { loadFramework, YEAR } from '../../src/modules/quality/quality.fixture.testing.ts';
import { allow, both, type CaseWorld, type MatrixCase } from './cases.ts';
import { runListContents } from './contents.ts';
import type { World } from './world.ts';

interface ResultsFixture {
  runs: [string, string];
}
const fixture = (w: World) => w.extra.results as ResultsFixture;

export async function setup(w: World) {
  const { version } = await loadFramework(w.db);
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
  w.extra.results = { runs: [rows[0]?.id, rows[1]?.id] as [string, string] } satisfies ResultsFixture;
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
];
