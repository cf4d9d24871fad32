// IIT access (code, QR, poster, token batches): the agency's own admin and NACC admins only.
// In scope = agency A; out of scope = agency B, both in the FY2568 cycle.
import { participations } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, inScopeOnly, type MatrixCase } from './cases.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadBundledFrameworks(w.db);
  await w.db
    .insert(participations)
    .values([
      { agencyId: w.A.agency.id, year: w.year },
      { agencyId: w.B.agency.id, year: w.year },
    ])
    .onConflictDoNothing();
}

const expectAdmins = allow({ admin: both, agency_admin: inScopeOnly });
const base = (w: { target: { agency: { id: string } }; year: number }) =>
  `/api/agencies/${w.target.agency.id}/iit-access/${w.year}`;

export const cases: MatrixCase[] = [
  { name: 'GET /api/agencies/:id/iit-access/:year', method: 'GET', url: base, expect: expectAdmins },
  {
    name: 'POST /api/agencies/:id/iit-access/:year/rotate',
    method: 'POST',
    url: (w) => `${base(w)}/rotate`,
    expect: expectAdmins,
  },
  {
    name: 'PUT /api/agencies/:id/iit-access/:year/tokens-required',
    method: 'PUT',
    url: (w) => `${base(w)}/tokens-required`,
    // Leave tokens off: the respondent cases send an access code without a token.
    body: () => ({ required: false }),
    expect: expectAdmins,
  },
  ...(['qr.png', 'qr.svg', 'poster.pdf', 'poster.png'] as const).map(
    (file): MatrixCase => ({
      name: `GET /api/agencies/:id/iit-access/:year/${file}`,
      method: 'GET',
      url: (w) => `${base(w)}/${file}`,
      expect: expectAdmins,
    }),
  ),
  {
    name: 'GET /api/agencies/:id/iit-access/:year/tokens',
    method: 'GET',
    url: (w) => `${base(w)}/tokens`,
    expect: expectAdmins,
  },
  {
    name: 'POST /api/agencies/:id/iit-access/:year/tokens',
    method: 'POST',
    url: (w) => `${base(w)}/tokens`,
    body: () => ({ count: 2 }),
    expect: expectAdmins,
  },
];
