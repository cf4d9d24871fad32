// The agency-year context every per-agency-year use case starts from (agency-year.ts): 401, 404, the
// caller's own authorization (403), the participation (409), the framework (404), in that order.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import type { DomainError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { participations } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
import {
  type AgencyTarget,
  allow,
  authorizedAgency,
  participatingAgency,
  agencyYear as sut,
} from './agency-year.ts';

const YEAR = 2568;
const NO_FRAMEWORK_YEAR = 2650;
const MISSING = '00000000-0000-4000-8000-000000000000';

const actorOf = (o: Partial<Actor> & Pick<Actor, 'role'>): Actor => ({
  userId: '11111111-1111-4111-8111-111111111111',
  username: o.role,
  agencyId: null,
  scope: { provinces: [], ministries: [], agencies: [] },
  assignedAgencies: [],
  ...o,
});
const admin = actorOf({ role: 'admin' });
const readAsAgency = ({ actor, ref }: AgencyTarget) => authorize(actor, 'agency.read', ref);

async function failure(p: Promise<unknown>): Promise<{ kind: string; code: string }> {
  try {
    await p;
  } catch (e) {
    const { kind, code } = e as DomainError;
    return { kind, code };
  }
  throw new Error('expected a refusal');
}

describe('agencyYear', () => {
  let database: Database;
  let taking: { id: string };
  let notTaking: { id: string };
  let noFramework: { id: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await loadBundledFrameworks(db);
    taking = await makeAgency(db, { provinceCode: null });
    notTaking = await makeAgency(db);
    noFramework = await makeAgency(db);
    await db.insert(participations).values([
      { agencyId: taking.id, year: YEAR },
      { agencyId: noFramework.id, year: NO_FRAMEWORK_YEAR },
    ]);
  });
  afterAll(() => database.close());

  it('refuses without an actor (401) before looking anything up', async () => {
    const check = vi.fn();
    expect(await failure(sut(database.db, null, taking.id, YEAR, check))).toEqual({
      kind: 'unauthenticated',
      code: 'unauthenticated',
    });
    expect(check).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown agency, before authorization', async () => {
    const check = vi.fn();
    expect(await failure(sut(database.db, admin, MISSING, YEAR, check))).toEqual({
      kind: 'not_found',
      code: 'agency_not_found',
    });
    expect(check).not.toHaveBeenCalled();
  });

  it('refuses (403) when the caller’s authorization refuses, before the participation check', async () => {
    const otherAgencyAdmin = actorOf({ role: 'agency_admin', agencyId: taking.id });
    expect(await failure(sut(database.db, otherAgencyAdmin, notTaking.id, YEAR, readAsAgency))).toEqual({
      kind: 'forbidden',
      code: 'forbidden',
    });
  });

  it('answers 409 cycle_not_open when the agency does not take part in the year', async () => {
    expect(await failure(sut(database.db, admin, notTaking.id, YEAR, readAsAgency))).toEqual({
      kind: 'conflict',
      code: 'cycle_not_open',
    });
  });

  it('answers 404 when the year has no framework', async () => {
    expect(await failure(sut(database.db, admin, noFramework.id, NO_FRAMEWORK_YEAR, readAsAgency))).toEqual({
      kind: 'not_found',
      code: 'framework_not_found',
    });
  });

  it('without the framework (participatingAgency): the participation is enough', async () => {
    const ctx = await participatingAgency(
      database.db,
      admin,
      noFramework.id,
      NO_FRAMEWORK_YEAR,
      readAsAgency,
    );
    expect(ctx.participation).toMatchObject({ agencyId: noFramework.id, year: NO_FRAMEWORK_YEAR });
    expect(await failure(participatingAgency(database.db, admin, notTaking.id, YEAR, readAsAgency))).toEqual({
      kind: 'conflict',
      code: 'cycle_not_open',
    });
  });

  it('gives the agency, its reference, the participation, the framework and what authorization returned', async () => {
    const own = actorOf({ role: 'agency_admin', agencyId: taking.id });
    const ctx = await sut(database.db, own, taking.id, YEAR, ({ actor, ref }) => {
      authorize(actor, 'agency.read', ref);
      return 'checked' as const;
    });
    expect(ctx.agency.id).toBe(taking.id);
    expect(ctx.ref).toEqual({ id: taking.id, provinceCode: null, ministryCode: null });
    expect(ctx.actor).toBe(own);
    expect(ctx.year).toBe(YEAR);
    expect(ctx.participation).toMatchObject({ agencyId: taking.id, year: YEAR });
    expect(ctx.framework.year).toBe(YEAR);
    expect(ctx.frameworkVersion).toBeGreaterThanOrEqual(1);
    expect(ctx.authorized).toBe('checked');
  });
});

describe('authorizedAgency', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('needs no participation: an agency is enough once authorized', async () => {
    const agency = await makeAgency(database.db);
    const ctx = await authorizedAgency(database.db, admin, agency.id, readAsAgency);
    expect(ctx.agency.id).toBe(agency.id);
  });

  it('allow(action) authorizes the action on the agency’s reference', async () => {
    const agency = await makeAgency(database.db);
    const own = actorOf({ role: 'agency_admin', agencyId: agency.id });
    const stranger = actorOf({ role: 'agency_admin', agencyId: MISSING });
    expect((await authorizedAgency(database.db, own, agency.id, allow('agency.update'))).agency.id).toBe(
      agency.id,
    );
    expect(await failure(authorizedAgency(database.db, stranger, agency.id, allow('agency.update')))).toEqual(
      {
        kind: 'forbidden',
        code: 'forbidden',
      },
    );
  });

  it('awaits an asynchronous authorization and keeps its refusal', async () => {
    const agency = await makeAgency(database.db);
    const refuse = async ({ actor, ref }: AgencyTarget) => {
      await Promise.resolve();
      authorize({ ...actor, role: 'agency_staff', agencyId: null }, 'agency.read', ref);
    };
    expect(await failure(authorizedAgency(database.db, admin, agency.id, refuse))).toEqual({
      kind: 'forbidden',
      code: 'forbidden',
    });
  });
});
