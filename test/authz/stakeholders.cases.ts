// Stakeholder data, the EIT part-2 contact list and collection progress.
// In scope = agency A; out of scope = agency B. Both have the 2568 cycle open.
import { sql } from 'drizzle-orm';
import { participations, stakeholderData } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { allow, both, inScopeOnly, type MatrixCase } from './cases.ts';
import { progressListContents } from './contents.ts';
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

/** Whoever has the agency in scope. */
const scopedReaders = () =>
  allow({
    admin: both,
    assessor: inScopeOnly,
    supervisor: inScopeOnly,
    agency_admin: inScopeOnly,
    executive: inScopeOnly,
  });
const agencyAdmins = () => allow({ admin: both, agency_admin: inScopeOnly });
const base = (w: { target: { agency: { id: string } }; year: number }) =>
  `/api/agencies/${w.target.agency.id}/stakeholders/${w.year}`;

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/agencies/:id/stakeholders/:year',
    method: 'GET',
    url: base,
    expect: scopedReaders(),
  },
  {
    name: 'PUT /api/agencies/:id/stakeholders/:year',
    method: 'PUT',
    url: base,
    body: () => ({ iitPopulation: 120, eitPopulation: 800 }),
    expect: agencyAdmins(),
  },
  {
    // 409 when the current revision is already approved still proves the role got through.
    name: 'POST /api/agencies/:id/stakeholders/:year/approve',
    method: 'POST',
    // A new revision entered by someone who is never an actor, so the four-eyes rule lets every role through.
    url: async (w) => {
      const revision = { iitPopulation: 120, eitPopulation: 800, updatedBy: w.target.staff.id };
      await w.db
        .insert(stakeholderData)
        .values({ agencyId: w.target.agency.id, year: w.year, revision: 1, ...revision })
        .onConflictDoUpdate({
          target: [stakeholderData.agencyId, stakeholderData.year],
          set: { ...revision, revision: sql`${stakeholderData.revision} + 1` },
        });
      return `${base(w)}/approve`;
    },
    body: () => ({}),
    expect: allow({ admin: both, executive: inScopeOnly }),
  },
  {
    name: 'POST /api/agencies/:id/stakeholders/:year/contacts',
    method: 'POST',
    url: (w) => `${base(w)}/contacts`,
    contentType: 'text/csv',
    body: (w) => `name,phone,email,relation\nผู้ติดต่อทดสอบ,,${w.unique('contact')}@example.com,ผู้รับบริการ\n`,
    expect: agencyAdmins(),
  },
  {
    name: 'GET /api/agencies/:id/stakeholders/:year/contacts',
    method: 'GET',
    url: (w) => `${base(w)}/contacts`,
    // Personal data: not for supervisors.
    expect: allow({ admin: both, agency_admin: inScopeOnly, executive: inScopeOnly, assessor: inScopeOnly }),
  },
  {
    name: 'GET /api/agencies/:id/stakeholders/:year/contacts/template',
    method: 'GET',
    url: (w) => `${base(w)}/contacts/template`,
    expect: agencyAdmins(),
  },
  {
    name: 'GET /api/agencies/:id/progress/:year',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/progress/${w.year}`,
    expect: scopedReaders(),
  },
  {
    // Not tied to one agency: rows are filtered to the scope (checked by progressListContents).
    name: 'GET /api/progress/:year',
    method: 'GET',
    url: (w) => `/api/progress/${w.year}`,
    expect: allow({ admin: both, assessor: both, supervisor: both }),
    contents: progressListContents,
  },
];
