// Yearly frameworks. Reading, downloading, the score calculator and minimum samples are public (the
// methodology is public); importing is for admins only. Frameworks are not tied to an agency, so the in-
// and out-of-scope requests are the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLED_FRAMEWORKS_DIR, loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, everyone, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
}

/** A year nobody else uses, so that the admin's imports never change the framework other cases rely on. */
const IMPORT_YEAR = 2590;
const importBody = () => ({
  ...JSON.parse(readFileSync(path.join(BUNDLED_FRAMEWORKS_DIR, 'fy2568.json'), 'utf8')),
  year: IMPORT_YEAR,
  crosswalk: undefined,
});

/** Frameworks are public reference texts and figures: the same for every viewer. */
const FRAMEWORK_TEXTS = { unscoped: 'public framework texts, the same for everyone' };

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/frameworks',
    method: 'GET',
    url: () => '/api/frameworks',
    expect: everyone(),
    contents: FRAMEWORK_TEXTS,
  },
  {
    name: 'GET /api/frameworks/:year',
    method: 'GET',
    url: (w) => `/api/frameworks/${w.year}`,
    expect: everyone(),
    contents: FRAMEWORK_TEXTS,
  },
  {
    name: 'GET /api/frameworks/:year/compare',
    method: 'GET',
    url: (w) => `/api/frameworks/${w.year}/compare`,
    expect: everyone(),
    contents: FRAMEWORK_TEXTS,
  },
  {
    name: 'GET /api/frameworks/:year/export',
    method: 'GET',
    url: (w) => `/api/frameworks/${w.year}/export`,
    expect: everyone(),
    contents: FRAMEWORK_TEXTS,
  },
  {
    name: 'GET /api/frameworks/:year/min-sample',
    method: 'GET',
    url: (w) => `/api/frameworks/${w.year}/min-sample?instrument=IIT&population=150`,
    expect: everyone(),
    contents: FRAMEWORK_TEXTS,
  },
  {
    name: 'POST /api/frameworks/:year/score',
    method: 'POST',
    url: (w) => `/api/frameworks/${w.year}/score`,
    body: () => ({ instruments: { IIT: 90, EIT1: 90, EIT2: 90, OIT: 90 } }),
    expect: everyone(),
  },
  {
    name: 'POST /api/frameworks',
    method: 'POST',
    url: () => '/api/frameworks',
    body: importBody,
    expect: allow({ admin: both }),
  },
];
