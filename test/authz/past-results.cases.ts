// Past years' published results: NACC imports them; whoever may read an agency reads its line.
// In scope = agency A; out of scope = agency B. Both have FY2567 and FY2568 results (setup).
import { pastResults } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, inScopeOnly, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  const importedAt = new Date('2025-01-15T03:00:00Z');
  const row = (agencyId: string, year: number, total: number, sourceLine: number) => ({
    agencyId,
    year,
    total,
    ratingCode: 'pass',
    instruments: {},
    indicators: { '1': total },
    sourceFile: 'matrix.csv',
    sourceLine,
    importedAt,
  });
  await w.db
    .insert(pastResults)
    .values([
      row(w.A.agency.id, 2567, 90, 2),
      row(w.A.agency.id, 2568, 92, 3),
      row(w.B.agency.id, 2567, 88, 4),
      row(w.B.agency.id, 2568, 89, 5),
    ])
    .onConflictDoNothing();
}

const readers = () =>
  allow({
    admin: both,
    assessor: inScopeOnly,
    supervisor: inScopeOnly,
    agency_admin: inScopeOnly,
    executive: inScopeOnly,
    agency_staff: inScopeOnly,
  });
const csv = (w: { target: { agency: { code: string } } }) =>
  `agency_code,fiscal_year,total,rating\n${w.target.agency.code},2566,90,pass\n`;

export const cases: MatrixCase[] = [
  {
    name: 'POST /api/past-results/import (dry run)',
    method: 'POST',
    url: () => '/api/past-results/import?dryRun=true',
    contentType: 'text/csv',
    body: csv,
    expect: allow({ admin: both }),
  },
  {
    // Replacing the same agency-year with the same figures: every allowed run leaves the same row.
    name: 'POST /api/past-results/import (replace)',
    method: 'POST',
    url: () => '/api/past-results/import?replace=true',
    contentType: 'text/csv',
    body: csv,
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/agencies/:id/past-results',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/past-results`,
    expect: readers(),
  },
  {
    name: 'GET /api/agencies/:id/past-results/compare',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/past-results/compare?year=2568&previous=2567`,
    expect: readers(),
  },
];
