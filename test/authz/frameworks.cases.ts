// Yearly frameworks. Reading, downloading, the score calculator and minimum samples are public (the
// methodology is public); importing is for admins only. Frameworks are not tied to an agency, so the in-
// and out-of-scope requests are the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { draftDefinition } from '../../src/core/framework/draft.ts';
import { frameworkDrafts } from '../../src/db/schema/index.ts';
import { BUNDLED_FRAMEWORKS_DIR, loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, type CaseWorld, everyone, type MatrixCase } from './cases.ts';
import type { ContentCheck } from './contents.ts';
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

/**
 * Drafts are for years nobody else uses (never published here, so the framework in force and the latest
 * year other cases rely on never change): each request gets a draft of its own.
 */
let draftYear = 2610;
const fy2568 = () => JSON.parse(readFileSync(path.join(BUNDLED_FRAMEWORKS_DIR, 'fy2568.json'), 'utf8'));
async function freshDraft(w: CaseWorld): Promise<string> {
  const year = draftYear++;
  const [row] = await w.db
    .insert(frameworkDrafts)
    .values({ year, baseYear: 2568, baseVersion: 1, definition: draftDefinition(fy2568(), 2568, year) })
    .returning({ id: frameworkDrafts.id });
  if (!row) throw new Error('no draft');
  w.vars.draft = row.id;
  return row.id;
}

/** NACC admins read every draft; every other role is refused and reads none. */
const draftsListed: ContentCheck = async (c) => {
  const res = await c.get('/api/framework-drafts');
  if (c.role !== 'admin')
    return res.status === 403 ? [] : [`${c.role} got ${res.status} from the drafts list`];
  const stored = await c.w.db.select({ id: frameworkDrafts.id }).from(frameworkDrafts);
  const listed = new Set((res.json as { id: string }[]).map((d) => d.id));
  const missing = stored.filter((d) => !listed.has(d.id));
  return missing.length === 0 && listed.size === stored.length
    ? []
    : [`drafts list has ${listed.size} rows, the database ${stored.length}`];
};

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
  {
    name: 'GET /api/framework-drafts',
    method: 'GET',
    url: () => '/api/framework-drafts',
    expect: allow({ admin: both }),
    contents: draftsListed,
  },
  {
    name: 'POST /api/framework-drafts',
    method: 'POST',
    url: () => '/api/framework-drafts',
    body: () => ({ fromYear: 2568, year: draftYear++ }),
    expect: allow({ admin: both }),
  },
  {
    name: 'GET /api/framework-drafts/:id',
    method: 'GET',
    url: async (w) => `/api/framework-drafts/${await freshDraft(w)}`,
    expect: allow({ admin: both }),
  },
  {
    name: 'PUT /api/framework-drafts/:id',
    method: 'PUT',
    url: async (w) => `/api/framework-drafts/${await freshDraft(w)}`,
    body: () => ({ revision: 1, definition: fy2568() }),
    expect: allow({ admin: both }),
  },
  {
    // A stale revision: the admin gets through authorization to 409, and nothing is published.
    name: 'POST /api/framework-drafts/:id/publish',
    method: 'POST',
    url: async (w) => `/api/framework-drafts/${await freshDraft(w)}/publish`,
    body: () => ({ revision: 99 }),
    expect: allow({ admin: both }),
  },
  {
    name: 'DELETE /api/framework-drafts/:id',
    method: 'DELETE',
    url: async (w) => `/api/framework-drafts/${await freshDraft(w)}`,
    expect: allow({ admin: both }),
  },
];
