// Evidence snapshots: reading (a snapshot, its kept body, an agency-year's list) is for anyone with the
// agency in scope; a re-check is for admins, the assigned assessor and the agency's admin and staff (not
// supervisors or executives). The cases use FY2566, apart from the years other modules work on: setup makes A
// and B take part, gives item o1 a URL, and leaves one checked snapshot with a kept body per agency (written
// directly: the matrix never runs the worker, so the re-checks it queues are never fetched).
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { evidenceBodies, evidenceSnapshots, oitAnswers, participations } from '../../src/db/schema/index.ts';
import { requestEvidence } from '../../src/modules/evidence/index.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

const YEAR = 2566;
const ITEM = 'o1';

const snapshots = (w: World) => w.extra.evidence as Record<string, string>;

export async function setup(w: World) {
  const found: Record<string, string> = {};
  for (const side of [w.A, w.B]) {
    const agencyId = side.agency.id;
    const url = `https://agency-${side.agency.code.toLowerCase()}.example.test/${ITEM}`;
    await w.db.insert(participations).values({ agencyId, year: YEAR }).onConflictDoNothing();
    await w.db
      .insert(oitAnswers)
      .values({ agencyId, year: YEAR, itemCode: ITEM, has: true, urls: [url] })
      .onConflictDoNothing();
    const [id] = (await requestEvidence(
      w.db,
      { agencyId, year: YEAR, itemCode: ITEM, urls: [url], purpose: 'approval', requestedBy: null },
      new Date('2023-04-01T03:00:00Z'),
    )) as [string];
    await w.db
      .update(evidenceSnapshots)
      .set({
        status: 'done',
        attempts: 1,
        httpStatus: 200,
        finalUrl: url,
        contentType: 'text/html; charset=utf-8',
        sizeBytes: 20,
        sha256: '0'.repeat(64),
        fetchedAt: new Date('2023-04-01T03:00:05Z'),
      })
      .where(eq(evidenceSnapshots.id, id));
    await w.db.insert(evidenceBodies).values({ snapshotId: id, body: gzipSync('<title>หลักฐาน</title>') });
    found[agencyId] = id;
  }
  w.extra.evidence = found;
}

const snapshotOf = (w: CaseWorld) => snapshots(w)[w.target.agency.id] as string;
const readers = allow({
  admin: both,
  assessor: inScopeOnly,
  supervisor: inScopeOnly,
  agency_admin: inScopeOnly,
  executive: inScopeOnly,
  agency_staff: inScopeOnly,
});

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/evidence/:snapshotId',
    method: 'GET',
    url: (w) => `/api/evidence/${snapshotOf(w)}`,
    expect: readers,
  },
  {
    name: 'GET /api/evidence/:snapshotId/body',
    method: 'GET',
    url: (w) => `/api/evidence/${snapshotOf(w)}/body`,
    expect: readers,
  },
  {
    name: 'GET /api/agencies/:id/oit/:year/evidence',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/oit/${YEAR}/evidence`,
    expect: readers,
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/items/:code/evidence/refetch',
    method: 'POST',
    url: (w) => `/api/agencies/${w.target.agency.id}/oit/${YEAR}/items/${ITEM}/evidence/refetch`,
    expect: allow({
      admin: both,
      assessor: inScopeOnly,
      agency_admin: inScopeOnly,
      agency_staff: inScopeOnly,
    }),
  },
];
