// The anonymous microdata of a year (issue 11 §5): NACC admins only, every other role refused (403; 401
// anonymous), whatever the agency. Not tied to an agency: both sides send the same request.
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
}

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/microdata/:year/responses.csv',
    method: 'GET',
    url: (w) => `/api/microdata/${w.year}/responses.csv`,
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/microdata/:year/dictionary.csv',
    method: 'GET',
    url: (w) => `/api/microdata/${w.year}/dictionary.csv`,
    expect: allow({ admin: both }),
  },
];
