// The agency side of OIT: the checklist, answers, delegation, submission, approval and return, readiness and
// an item's history. In scope = agency A; out of scope = agency B. Both take part in FY2568 with the
// framework loaded (as in calendar.cases.ts); the test clock (2025-03-01) is inside oit_answering.
// Item o10 of each agency is delegated to A's staff account (only A's counts: the staff member is of A), so
// the staff member's save of it is allowed in scope. Every write here is idempotent or refused after the
// authorization check (submit: items unanswered; approve: nothing submitted; return: o10 is a draft).
import { oitAnswers, participations } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

const ITEM = 'o10';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  await w.db
    .insert(participations)
    .values([
      { agencyId: w.A.agency.id, year: w.year },
      { agencyId: w.B.agency.id, year: w.year },
    ])
    .onConflictDoNothing();
  await w.db
    .insert(oitAnswers)
    .values(
      [w.A, w.B].map((side) => ({
        agencyId: side.agency.id,
        year: w.year,
        itemCode: ITEM,
        // B's item cannot be delegated to A's staff (the service refuses it); the row only has to exist.
        assigneeId: side === w.A ? w.actors.agency_staff.id : null,
      })),
    )
    .onConflictDoNothing();
}

const base = (w: CaseWorld) => `/api/agencies/${w.target.agency.id}/oit/${w.year}`;
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
    name: 'GET /api/agencies/:id/oit/:year',
    method: 'GET',
    url: base,
    expect: readers,
  },
  {
    name: 'PUT /api/agencies/:id/oit/:year/items/:code',
    method: 'PUT',
    url: (w) => `${base(w)}/items/${ITEM}`,
    body: () => ({ has: false, urls: [], explanation: null }),
    expect: allow({ agency_admin: inScopeOnly, agency_staff: inScopeOnly }),
  },
  {
    name: 'PUT /api/agencies/:id/oit/:year/items/:code/assignee',
    method: 'PUT',
    url: (w) => `${base(w)}/items/${ITEM}/assignee`,
    body: (w) => ({ userId: w.actors.agency_staff.id }),
    expect: allow({ agency_admin: inScopeOnly }),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/submit',
    method: 'POST',
    url: (w) => `${base(w)}/submit`,
    expect: allow({ agency_admin: inScopeOnly }),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/approve',
    method: 'POST',
    url: (w) => `${base(w)}/approve`,
    expect: allow({ executive: inScopeOnly }),
  },
  {
    name: 'POST /api/agencies/:id/oit/:year/return',
    method: 'POST',
    url: (w) => `${base(w)}/return`,
    body: () => ({ items: [{ code: ITEM, comment: 'ทดสอบสิทธิ์' }] }),
    expect: allow({ executive: inScopeOnly }),
  },
  {
    name: 'GET /api/agencies/:id/oit/:year/readiness',
    method: 'GET',
    url: (w) => `${base(w)}/readiness`,
    expect: readers,
  },
  {
    name: 'GET /api/agencies/:id/oit/:year/items/:code/history',
    method: 'GET',
    url: (w) => `${base(w)}/items/${ITEM}/history`,
    expect: readers,
  },
];
