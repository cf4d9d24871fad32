// Agency registry, reference data, participation per fiscal year and the dashboard.
// In scope = agency A; out of scope = agency B. Reference data is public.
import { participations } from '../../src/db/schema/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { loadReferenceData } from '../../src/modules/reference/index.ts';
import { makeAgency } from '../helpers/factories.ts';
import { allow, both, everyone, inScopeOnly, type MatrixCase, signedIn } from './cases.ts';
import { agencyListContents, cycleSummaryContents, dashboardContents } from './contents.ts';
import type { World } from './world.ts';

export async function setup(w: World) {
  await loadReferenceData(w.db);
  // Opening a cycle needs the year's framework; registering needs the cycle open for A and B.
  await loadBundledFrameworks(w.db);
  await w.db
    .insert(participations)
    .values([
      { agencyId: w.A.agency.id, year: w.year },
      { agencyId: w.B.agency.id, year: w.year },
    ])
    .onConflictDoNothing();
}

/** Whoever has the agency in scope (reads of one agency). */
const scopedReaders = () =>
  allow({
    admin: both,
    assessor: inScopeOnly,
    supervisor: inScopeOnly,
    agency_admin: inScopeOnly,
    executive: inScopeOnly,
  });
const adminsOnly = () => allow({ admin: both });
const REFERENCE_DATA = { unscoped: 'provinces, ministries and agency types: public reference data' };

/** The CSV import takes the file itself as a text/csv body. */
const importCase: MatrixCase = {
  name: 'POST /api/agencies/import',
  method: 'POST',
  url: () => '/api/agencies/import',
  contentType: 'text/csv',
  body: (w) =>
    'code,name_th,name_en,type,peer_group,size_class,ministry_code,parent_code,province_code,website\n' +
    `${w.unique('MATRIX-CSV')},หน่วยงานนำเข้าทดสอบสิทธิ์,,sao,,,,,,\n`,
  expect: adminsOnly(),
};

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/reference/provinces',
    method: 'GET',
    url: () => '/api/reference/provinces',
    expect: everyone(),
    contents: REFERENCE_DATA,
  },
  {
    name: 'GET /api/reference/ministries',
    method: 'GET',
    url: () => '/api/reference/ministries',
    expect: everyone(),
    contents: REFERENCE_DATA,
  },
  {
    name: 'GET /api/reference/agency-types',
    method: 'GET',
    url: () => '/api/reference/agency-types',
    expect: everyone(),
    contents: REFERENCE_DATA,
  },
  // The list is open to every signed-in role; its rows are filtered to the scope (agencyListContents).
  {
    name: 'GET /api/agencies',
    method: 'GET',
    url: () => '/api/agencies?q=AGENCY',
    expect: signedIn(),
    contents: agencyListContents,
  },
  {
    name: 'GET /api/agencies/:id',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}`,
    expect: { ...scopedReaders(), agency_staff: inScopeOnly },
  },
  {
    name: 'POST /api/agencies',
    method: 'POST',
    url: () => '/api/agencies',
    body: (w) => ({
      code: w.unique('MATRIX-AG'),
      nameTh: 'หน่วยงานทดสอบสิทธิ์',
      type: 'sao',
      provinceCode: w.target.province.code,
      ministryCode: w.target.ministry.code,
    }),
    expect: adminsOnly(),
  },
  {
    name: 'PATCH /api/agencies/:id (English name, website)',
    method: 'PATCH',
    url: (w) => `/api/agencies/${w.target.agency.id}`,
    body: (w) => ({ nameEn: `Agency ${w.target.agency.code}`, website: 'https://agency.example.go.th' }),
    expect: allow({ admin: both, agency_admin: inScopeOnly }),
  },
  {
    // A registry field (a no-op value, so nothing changes for later cases): NACC admins only.
    name: 'PATCH /api/agencies/:id (registry fields)',
    method: 'PATCH',
    url: (w) => `/api/agencies/${w.target.agency.id}`,
    body: () => ({ peerGroup: null }),
    expect: adminsOnly(),
  },
  {
    // A code change, on an agency made for the request (A's and B's codes stay as later cases know them); no
    // result of it is published, so NACC admins change it; nobody else may touch the code.
    name: 'PATCH /api/agencies/:id (code)',
    method: 'PATCH',
    url: async (w) => {
      const agency = await makeAgency(w.db, {
        code: w.unique('MATRIX-CODE'),
        provinceCode: w.target.province.code,
        ministryCode: w.target.ministry.code,
      });
      return `/api/agencies/${agency.id}`;
    },
    body: (w) => ({ code: w.unique('MATRIX-RECODED') }),
    expect: adminsOnly(),
  },
  {
    name: 'GET /api/agencies/import/template',
    method: 'GET',
    url: () => '/api/agencies/import/template',
    expect: adminsOnly(),
  },
  importCase,
  {
    name: 'GET /api/agencies/:id/participations',
    method: 'GET',
    url: (w) => `/api/agencies/${w.target.agency.id}/participations`,
    expect: scopedReaders(),
  },
  {
    // Withdrawing first, so that the register case below leaves both agencies registered.
    name: 'PUT /api/agencies/:id/participations/:year (withdraw)',
    method: 'PUT',
    url: (w) => `/api/agencies/${w.target.agency.id}/participations/${w.year}`,
    body: () => ({ registered: false }),
    expect: adminsOnly(),
  },
  {
    name: 'PUT /api/agencies/:id/participations/:year (register)',
    method: 'PUT',
    url: (w) => `/api/agencies/${w.target.agency.id}/participations/${w.year}`,
    body: () => ({ registered: true }),
    expect: allow({ admin: both, agency_admin: inScopeOnly }),
  },
  {
    name: 'POST /api/cycles/:year/open',
    method: 'POST',
    url: (w) => `/api/cycles/${w.year}/open`,
    body: (w) => ({ filter: { agencyIds: [w.target.agency.id] } }),
    expect: adminsOnly(),
  },
  {
    name: 'GET /api/cycles/:year/summary',
    method: 'GET',
    url: (w) => `/api/cycles/${w.year}/summary`,
    expect: signedIn(),
    contents: cycleSummaryContents,
  },
  {
    name: 'GET /api/dashboard',
    method: 'GET',
    url: () => '/api/dashboard',
    expect: signedIn(),
    contents: dashboardContents,
  },
];
