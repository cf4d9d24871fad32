// A small registry for the agency tests: two provinces, agencies of several types and one user per role
// and scope kind. Codes and names are invented.

import { afterAll, beforeAll } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, grantScope, makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { frameworkVersions } from '../../db/schema/index.ts';
import { loadReferenceData } from '../reference/index.ts';

export async function registryFixture(db: Db) {
  await loadReferenceData(db);
  const province47 = await makeAgency(db, {
    code: 'T47-PROV',
    nameTh: 'สำนักงานจังหวัดทดสอบ',
    nameEn: 'Test Provincial Office',
    type: 'province',
    provinceCode: 'TH-47',
    ministryCode: 'MOI',
  });
  const sao47 = await makeAgency(db, {
    code: 'T47-SAO1',
    nameTh: 'องค์การบริหารส่วนตำบลบ้านทดลอง',
    nameEn: 'Ban Thotlong SAO',
    type: 'sao',
    provinceCode: 'TH-47',
    ministryCode: 'LOCAL',
  });
  const oddName47 = await makeAgency(db, {
    code: 'T47-SAO2',
    nameTh: 'องค์การบริหารส่วนตำบลหนองสมมติ',
    nameEn: 'Rate_100% SAO',
    type: 'sao',
    provinceCode: 'TH-47',
    ministryCode: 'LOCAL',
  });
  const university48 = await makeAgency(db, {
    code: 'T48-UNI',
    nameTh: 'มหาวิทยาลัยสมมติ',
    nameEn: 'Sommut University',
    type: 'university',
    provinceCode: 'TH-48',
    ministryCode: 'MHESI',
  });
  const police48 = await makeAgency(db, {
    code: 'T48-POL',
    nameTh: 'สถานีตำรวจภูธรสมมติ',
    type: 'police_station',
    provinceCode: 'TH-48',
    ministryCode: 'RTP',
  });
  const department = await makeAgency(db, {
    code: 'C-DEPT',
    nameTh: 'กรมทดสอบระบบ',
    nameEn: 'Department of System Testing',
    type: 'central_department',
    ministryCode: 'MOI',
  });
  const agencies = { province47, sao47, oddName47, university48, police48, department };

  await makeUser(db, { role: 'admin', username: 'admin' });
  const supProvince = await makeUser(db, { role: 'supervisor', username: 'sup-province' });
  await grantScope(db, supProvince.id, { provinceCode: 'TH-47' });
  const supMinistry = await makeUser(db, { role: 'supervisor', username: 'sup-ministry' });
  await grantScope(db, supMinistry.id, { ministryCode: 'MHESI' });
  const supAgency = await makeUser(db, { role: 'supervisor', username: 'sup-agency' });
  await grantScope(db, supAgency.id, { agencyId: police48.id });
  const assessor = await makeUser(db, { role: 'assessor', username: 'assessor' });
  await assign(db, assessor.id, sao47.id, 2568);
  await assign(db, assessor.id, university48.id, 2567);
  await makeUser(db, { role: 'agency_admin', username: 'sao-admin', agencyId: sao47.id });
  await makeUser(db, { role: 'executive', username: 'sao-exec', agencyId: sao47.id });
  await makeUser(db, { role: 'agency_admin', username: 'uni-admin', agencyId: university48.id });
  return { agencies, users: { supProvince, supMinistry, supAgency, assessor } };
}

/** A framework row for `year` (its content is not read by the registry, only its presence). */
export async function markFrameworkLoaded(db: DbOrTx, year: number) {
  await db
    .insert(frameworkVersions)
    .values({ year, version: 1, definition: { year }, sha256: `test-${year}`, origin: 'import' })
    .onConflictDoNothing();
}

export const codesOf = (items: { code: string }[]) => items.map((i) => i.code).sort();

type RegistryFixture = Awaited<ReturnType<typeof registryFixture>>;
type SignInAs = (username: string) => Promise<Client>;

/**
 * For a describe block: builds a test app holding the registry fixture before its tests and closes it after.
 * `t` and `f` are filled in by then (the hooks run before any test), `as('admin')` signs in lazily.
 */
export function registrySuite(): { t: TestApp; f: RegistryFixture; as: SignInAs } {
  const t = {} as TestApp;
  const f = {} as RegistryFixture;
  beforeAll(async () => {
    Object.assign(t, await createTestApp());
    Object.assign(f, await registryFixture(t.deps.db));
  });
  afterAll(() => t.close?.());
  return { t, f, as: sessions(t) };
}

/** Signs each user in once per test file: sign-in is rate limited (20 a minute) and argon2 is slow. */
export function sessions(t: TestApp): SignInAs {
  const cache = new Map<string, Promise<Client>>();
  return (username: string) => {
    let client = cache.get(username);
    if (!client) {
      client = t.signIn(username);
      cache.set(username, client);
    }
    return client;
  };
}
