// User management. In scope = agency A's staff (or agency A); out of scope = agency B's.
import { makeUser } from '../helpers/factories.ts';
import { allow, both, type CaseWorld, inScopeOnly, type MatrixCase, signedIn } from './cases.ts';
import { awaitingExecutivesContents, userListContents } from './contents.ts';

/** Admins manage everyone; an agency admin only their own agency's staff. */
const staffManagers = () => allow({ admin: both, agency_admin: inScopeOnly });
const adminsOnly = () => allow({ admin: both });
/** Executives are confirmed by NACC or a supervisor whose scope covers the agency — never the agency admin. */
const confirmers = () => allow({ admin: both, supervisor: inScopeOnly });
/** A fresh executive of the target agency, proposed by its agency admin and awaiting confirmation. */
const proposedExecutive = (w: CaseWorld) =>
  makeUser(w.db, {
    role: 'executive',
    agencyId: w.target.agency.id,
    awaitingConfirmation: true,
    email: `${w.unique('proposed')}@example.org`,
  });

export const cases: MatrixCase[] = [
  {
    name: 'GET /api/users (one agency)',
    method: 'GET',
    url: (w) => `/api/users?agencyId=${w.target.agency.id}`,
    expect: staffManagers(),
    contents: userListContents,
  },
  {
    name: 'GET /api/users/:id',
    method: 'GET',
    url: (w) => `/api/users/${w.target.staff.id}`,
    expect: staffManagers(),
  },
  {
    // Everyone may read their own account, whatever the side.
    name: 'GET /api/users/:id (own account)',
    method: 'GET',
    url: (w) => `/api/users/${w.actor?.id ?? w.target.staff.id}`,
    expect: signedIn(),
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    url: () => '/api/users',
    body: (w) => ({
      username: w.unique('matrix-user'),
      displayName: 'ผู้ใช้ทดสอบสิทธิ์',
      role: 'executive',
      agencyId: w.target.agency.id,
      email: `${w.unique('matrix-user')}@example.org`,
      password: 'matrix-pass-1234',
    }),
    expect: staffManagers(),
  },
  {
    // Contents are filtered to what each may see (admins: all; supervisors: their scope; agency admins: own).
    name: 'GET /api/users/awaiting-confirmation',
    method: 'GET',
    url: () => '/api/users/awaiting-confirmation',
    expect: allow({ admin: both, supervisor: both, agency_admin: both }),
    contents: awaitingExecutivesContents,
  },
  {
    name: 'POST /api/users/:id/confirm',
    method: 'POST',
    url: async (w) => `/api/users/${(await proposedExecutive(w)).id}/confirm`,
    expect: confirmers(),
  },
  {
    name: 'POST /api/users/:id/decline',
    method: 'POST',
    url: async (w) => `/api/users/${(await proposedExecutive(w)).id}/decline`,
    expect: confirmers(),
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    url: (w) => `/api/users/${w.target.staff.id}`,
    body: (w) => ({ displayName: `ผู้บริหาร ${w.target.agency.code}` }),
    expect: staffManagers(),
  },
  {
    name: 'GET /api/users/:id/scopes',
    method: 'GET',
    url: (w) => `/api/users/${w.spare.supervisor.id}/scopes`,
    expect: adminsOnly(),
  },
  {
    name: 'PUT /api/users/:id/scopes',
    method: 'PUT',
    url: (w) => `/api/users/${w.spare.supervisor.id}/scopes`,
    body: (w) => ({ provinces: [w.target.province.code], ministries: [], agencies: [w.target.agency.id] }),
    expect: adminsOnly(),
  },
  {
    name: 'GET /api/users/:id/assignments',
    method: 'GET',
    url: (w) => `/api/users/${w.spare.assessor.id}/assignments`,
    expect: adminsOnly(),
  },
  {
    name: 'PUT /api/users/:id/assignments',
    method: 'PUT',
    url: (w) => `/api/users/${w.spare.assessor.id}/assignments`,
    body: (w) => ({ year: w.year, agencyIds: [w.target.agency.id] }),
    expect: adminsOnly(),
  },
];
