// The audit log. Anyone signed in may list history, filtered to the agencies in their scope (entries tied
// to no agency are the admin's alone); asking for one agency's history needs that agency in scope;
// verifying the chain and its signed checkpoints is for admins. Setup appends entries for A, for B and for no agency.
import { randomUUID } from 'node:crypto';
import { actorOf } from '../../src/modules/audit/audit.testing.ts';
import { appendAudit } from '../../src/modules/audit/index.ts';
import { allow, both, inScopeOnly, type MatrixCase, signedIn } from './cases.ts';
import { auditContents, auditContentsOf } from './contents.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  const at = new Date('2025-03-01T03:00:00Z');
  for (const agencyId of [w.A.agency.id, w.B.agency.id, null])
    await appendAudit(
      w.db,
      { actor: null, agencyId, entityType: 'oit_answer', entityId: `${agencyId}:O1`, action: 'update' },
      at,
    );
  // For the filters: one person's saves on either side of a Bangkok midnight (28 Feb 23:30 and 1 March 00:30
  // there) and a submission, for each agency and for none.
  const writer = actorOf({ id: randomUUID(), username: 'authz-audit-writer', role: 'admin' });
  const events = [
    ['2025-02-28T16:30:00Z', 'save'],
    ['2025-02-28T17:30:00Z', 'save'],
    ['2025-02-28T17:30:00Z', 'submit'], // same day, another action
  ] as const;
  for (const [when, action] of events)
    for (const agencyId of [w.A.agency.id, w.B.agency.id, null])
      await appendAudit(
        w.db,
        { actor: writer, agencyId, entityType: 'oit_answer', entityId: `${agencyId}:O2`, action },
        new Date(when),
      );
}

/** Saves by one person on 1 March in Bangkok: the filters narrow what each role reads, never widen it. */
const FILTERED = 'action=save&actor=AUTHZ-AUDIT&from=2025-03-01&to=2025-03-01';

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/audit',
    method: 'GET',
    url: () => '/api/audit',
    expect: signedIn(),
    contents: auditContents,
  },
  {
    name: 'GET /api/audit (one agency)',
    method: 'GET',
    url: (w) => `/api/audit?agencyId=${w.target.agency.id}`,
    expect: allow({
      admin: both,
      assessor: inScopeOnly,
      supervisor: inScopeOnly,
      agency_admin: inScopeOnly,
      executive: inScopeOnly,
      agency_staff: inScopeOnly,
    }),
    contents: auditContents,
  },
  {
    name: 'GET /api/audit (filtered by action, person and days)',
    method: 'GET',
    url: () => `/api/audit?${FILTERED}`,
    expect: signedIn(),
    contents: auditContentsOf(FILTERED),
  },
  {
    name: 'GET /api/audit/verify',
    method: 'GET',
    url: () => '/api/audit/verify',
    expect: allow({ admin: both }),
  },
  // Signed checkpoints: listing them (with the public keys) and taking one on demand are for NACC admins.
  {
    name: 'GET /api/audit/checkpoints',
    method: 'GET',
    url: () => '/api/audit/checkpoints',
    expect: allow({ admin: both }),
  },
  {
    name: 'POST /api/audit/checkpoints',
    method: 'POST',
    url: () => '/api/audit/checkpoints',
    expect: allow({ admin: both }),
  },
];
