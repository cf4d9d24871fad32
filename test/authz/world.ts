// The fixture world every authorization case runs against:
//   provinces P1, P2; ministries M1, M2; agency A (P1, M1) and agency B (P2, M2);
//   actors: admin, assessor (assigned A for 2568), supervisor (scope P1), agency admin of A, executive of A;
//   targets that are never actors: an executive of each agency, a spare supervisor, a spare assessor, and
//   an account to sign in as.
import type { Role } from '../../src/core/authz.ts';
import type { Db } from '../../src/db/client.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  assign,
  grantScope,
  makeAgency,
  makeMinistry,
  makeProvince,
  makeUser,
  TEST_PASSWORD,
} from '../helpers/factories.ts';

export interface UserRef {
  id: string;
  username: string;
}

/** One agency and what surrounds it. A is in every scoped actor's scope; B is in none. */
export interface AgencySide {
  agency: { id: string; code: string; provinceCode: string; ministryCode: string };
  province: { code: string };
  ministry: { code: string };
  /** An executive of this agency who is never an actor: a target for reads and edits of staff. */
  staff: UserRef;
}

export interface World {
  t: TestApp;
  db: Db;
  /** The fiscal year (Buddhist Era) of the assessor's assignment. */
  year: number;
  A: AgencySide;
  B: AgencySide;
  /** The signed-in actors, by role. */
  actors: Record<Role, UserRef>;
  /** Targets of admin-only changes, so that changing them never changes an actor's powers. */
  spare: { supervisor: UserRef; assessor: UserRef };
  /** An account whose credentials any case may use to sign in. */
  login: { username: string; password: string };
  /** A string no other call returns: for usernames, codes and names that must be unique. */
  unique(prefix: string): string;
  /** Free space for module `setup` functions to leave fixtures in (key by module name). */
  extra: Record<string, unknown>;
}

export const WORLD_YEAR = 2568;

async function side(db: Db, label: 'A' | 'B'): Promise<AgencySide> {
  const province = await makeProvince(db, { code: `TH-P${label === 'A' ? 1 : 2}` });
  const ministry = await makeMinistry(db, { code: `M${label === 'A' ? 1 : 2}` });
  const agency = await makeAgency(db, {
    code: `AGENCY-${label}`,
    provinceCode: province.code,
    ministryCode: ministry.code,
  });
  const staff = await makeUser(db, {
    role: 'executive',
    agencyId: agency.id,
    username: `staff-${label.toLowerCase()}`,
  });
  return {
    agency: { id: agency.id, code: agency.code, provinceCode: province.code, ministryCode: ministry.code },
    province: { code: province.code },
    ministry: { code: ministry.code },
    staff: { id: staff.id, username: staff.username },
  };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.deps.db;
  const A = await side(db, 'A');
  const B = await side(db, 'B');
  const ref = (u: { id: string; username: string }): UserRef => ({ id: u.id, username: u.username });

  const admin = await makeUser(db, { role: 'admin', username: 'world-admin' });
  const assessor = await makeUser(db, { role: 'assessor', username: 'world-assessor' });
  await assign(db, assessor.id, A.agency.id, WORLD_YEAR);
  const supervisor = await makeUser(db, { role: 'supervisor', username: 'world-supervisor' });
  await grantScope(db, supervisor.id, { provinceCode: A.province.code });
  const agencyAdmin = await makeUser(db, {
    role: 'agency_admin',
    username: 'world-agency-admin',
    agencyId: A.agency.id,
  });
  const executive = await makeUser(db, {
    role: 'executive',
    username: 'world-executive',
    agencyId: A.agency.id,
  });
  const agencyStaff = await makeUser(db, {
    role: 'agency_staff',
    username: 'world-agency-staff',
    agencyId: A.agency.id,
  });

  const spareSupervisor = await makeUser(db, { role: 'supervisor', username: 'spare-supervisor' });
  const spareAssessor = await makeUser(db, { role: 'assessor', username: 'spare-assessor' });
  const loginUser = await makeUser(db, { role: 'assessor', username: 'world-login' });

  let counter = 0;
  return {
    t,
    db,
    year: WORLD_YEAR,
    A,
    B,
    actors: {
      admin: ref(admin),
      assessor: ref(assessor),
      supervisor: ref(supervisor),
      agency_admin: ref(agencyAdmin),
      executive: ref(executive),
      agency_staff: ref(agencyStaff),
    },
    spare: { supervisor: ref(spareSupervisor), assessor: ref(spareAssessor) },
    login: { username: loginUser.username, password: TEST_PASSWORD },
    unique: (prefix) => `${prefix}-${++counter}`,
    extra: {},
  };
}
