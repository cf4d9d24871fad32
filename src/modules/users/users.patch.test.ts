// A PATCH changes something or is refused: unknown fields and empty patches are 400s, and a patch that
// changes nothing writes nothing — no audit entry, however often it is repeated.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog } from '../../db/schema/index.ts';

describe('PATCH /api/users/:id and /api/agencies/:id', () => {
  let t: TestApp;
  let userId: string;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await makeUser(t.deps.db, { role: 'admin', username: 'patch-admin' });
    userId = (
      await makeUser(t.deps.db, { role: 'assessor', username: 'patch-target', displayName: 'Target' })
    ).id;
    agencyId = (await makeAgency(t.deps.db, {})).id;
  });
  afterAll(() => t.close());

  const entries = async (entityId: string) =>
    (
      await t.deps.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, entityId)))
    )[0]?.n ?? 0;

  it.each([
    ['an unknown field', { x: 1 }],
    ['nothing', {}],
    ['a known field next to an unknown one', { displayName: 'Changed', isAdmin: true }],
  ])('refuses a user patch with %s, writing nothing', async (_what, body) => {
    const admin = await t.signIn('patch-admin');
    const before = await entries(userId);
    const res = await admin.patch(`/api/users/${userId}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(await entries(userId)).toBe(before);
    expect((await admin.get(`/api/users/${userId}`)).json().displayName).toBe('Target');
  });

  it('answers a user patch that changes nothing without a write or an audit entry', async () => {
    const admin = await t.signIn('patch-admin');
    const before = await entries(userId);
    for (let i = 0; i < 3; i++) {
      const res = await admin.patch(`/api/users/${userId}`, { displayName: 'Target', role: 'assessor' });
      expect(res.statusCode).toBe(200);
    }
    expect(await entries(userId)).toBe(before);
    expect((await admin.patch(`/api/users/${userId}`, { displayName: 'Renamed' })).statusCode).toBe(200);
    expect(await entries(userId)).toBe(before + 1);
  });

  it('refuses an empty agency patch and records no entry for one that changes nothing', async () => {
    const admin = await t.signIn('patch-admin');
    const before = await entries(agencyId);
    expect((await admin.patch(`/api/agencies/${agencyId}`, {})).statusCode).toBe(400);
    const current = (await admin.get(`/api/agencies/${agencyId}`)).json();
    expect((await admin.patch(`/api/agencies/${agencyId}`, { nameTh: current.nameTh })).statusCode).toBe(200);
    expect(await entries(agencyId)).toBe(before);
  });
});
