import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeMinistry, makeProvince, makeUser } from '../../../test/helpers/factories.ts';

describe('supervisor scopes and assessor assignments', () => {
  let t: TestApp;
  let admin: Client;
  let agencyAdmin: Client;
  let province: { code: string };
  let ministry: { code: string };
  let agencyA: { id: string };
  let agencyB: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    province = await makeProvince(db);
    ministry = await makeMinistry(db);
    agencyA = await makeAgency(db, { provinceCode: province.code });
    agencyB = await makeAgency(db);
    await makeUser(db, { role: 'admin', username: 'root-admin' });
    await makeUser(db, { role: 'agency_admin', username: 'a-admin', agencyId: agencyA.id });
    admin = await t.signIn('root-admin');
    agencyAdmin = await t.signIn('a-admin');
  });
  afterAll(() => t.close());

  describe('PUT /api/users/:id/scopes', () => {
    it('replaces the whole scope and the supervisor sees it at once', async () => {
      const supervisor = await makeUser(t.deps.db, { role: 'supervisor' });
      await admin.put(`/api/users/${supervisor.id}/scopes`, {
        provinces: [province.code],
        ministries: [],
        agencies: [agencyB.id],
      });
      const res = await admin.put(`/api/users/${supervisor.id}/scopes`, {
        provinces: [],
        ministries: [ministry.code, ministry.code],
        agencies: [agencyA.id],
      });
      expect(res.statusCode).toBe(200);
      const expected = { provinces: [], ministries: [ministry.code], agencies: [agencyA.id] };
      expect(res.json()).toEqual(expected);
      expect((await admin.get(`/api/users/${supervisor.id}/scopes`)).json()).toEqual(expected);

      const self = await t.signIn(supervisor.username);
      expect((await self.get('/api/auth/me')).json().user.scope).toEqual(expected);
      expect((await self.get(`/api/users/${supervisor.id}/scopes`)).json()).toEqual(expected);

      const log = (
        await admin.get(`/api/audit?entityType=supervisor_scope&entityId=${supervisor.id}`)
      ).json();
      expect(log.items[0]).toMatchObject({ action: 'replace', after: expected, actor: { role: 'admin' } });
    });

    it('refuses unknown codes, naming each of them, and changes nothing', async () => {
      const supervisor = await makeUser(t.deps.db, { role: 'supervisor' });
      const before = { provinces: [province.code], ministries: [], agencies: [] };
      await admin.put(`/api/users/${supervisor.id}/scopes`, before);
      const missingAgency = '00000000-0000-4000-8000-000000000001';
      const res = await admin.put(`/api/users/${supervisor.id}/scopes`, {
        provinces: [province.code, 'TH-99'],
        ministries: ['NO-SUCH'],
        agencies: [missingAgency],
      });
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('unknown_codes');
      for (const text of [error.th, error.en]) {
        expect(text).toContain('TH-99');
        expect(text).toContain('NO-SUCH');
        expect(text).toContain(missingAgency);
      }
      expect(error.details).toEqual({
        provinces: ['TH-99'],
        ministries: ['NO-SUCH'],
        agencies: [missingAgency],
      });
      expect((await admin.get(`/api/users/${supervisor.id}/scopes`)).json()).toEqual(before);
    });

    it('refuses a scope for a user who is not a supervisor', async () => {
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      const res = await admin.put(`/api/users/${assessor.id}/scopes`, {
        provinces: [province.code],
        ministries: [],
        agencies: [],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'not_a_supervisor', th: expect.any(String) });
    });

    it('is for admins only', async () => {
      const supervisor = await makeUser(t.deps.db, { role: 'supervisor' });
      const res = await agencyAdmin.put(`/api/users/${supervisor.id}/scopes`, {
        provinces: [],
        ministries: [],
        agencies: [agencyA.id],
      });
      expect(res.statusCode).toBe(403);
      expect((await agencyAdmin.get(`/api/users/${supervisor.id}/scopes`)).statusCode).toBe(403);
    });

    it('answers 404 for an unknown user', async () => {
      const res = await admin.put('/api/users/00000000-0000-4000-8000-000000000002/scopes', {
        provinces: [],
        ministries: [],
        agencies: [],
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('PUT /api/users/:id/assignments', () => {
    it("replaces one year's agencies and leaves other years alone", async () => {
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      const url = `/api/users/${assessor.id}/assignments`;
      await admin.put(url, { year: 2567, agencyIds: [agencyB.id] });
      await admin.put(url, { year: 2568, agencyIds: [agencyA.id, agencyB.id] });
      const res = await admin.put(url, { year: 2568, agencyIds: [agencyA.id] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ year: 2568, agencyIds: [agencyA.id] });
      expect((await admin.get(url)).json()).toEqual({
        assignments: [
          { year: 2568, agencyIds: [agencyA.id] },
          { year: 2567, agencyIds: [agencyB.id] },
        ],
      });
      expect((await admin.get(`${url}?year=2567`)).json()).toEqual({
        assignments: [{ year: 2567, agencyIds: [agencyB.id] }],
      });
    });

    it('records each replacement in the audit log with the agencies before and after', async () => {
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      const url = `/api/users/${assessor.id}/assignments`;
      await admin.put(url, { year: 2568, agencyIds: [agencyA.id] });
      await admin.put(url, { year: 2568, agencyIds: [agencyB.id] });
      const log = (
        await admin.get(`/api/audit?entityType=assessor_assignment&entityId=${assessor.id}:2568`)
      ).json();
      expect(log.items).toEqual([
        expect.objectContaining({ action: 'replace', before: [agencyA.id], after: [agencyB.id] }),
        expect.objectContaining({ action: 'replace', before: [], after: [agencyA.id] }),
      ]);
    });

    it('clears a year with an empty list', async () => {
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      const url = `/api/users/${assessor.id}/assignments`;
      await admin.put(url, { year: 2568, agencyIds: [agencyA.id] });
      expect((await admin.put(url, { year: 2568, agencyIds: [] })).json()).toEqual({
        year: 2568,
        agencyIds: [],
      });
      expect((await admin.get(url)).json()).toEqual({ assignments: [] });
    });

    it('gives the assessor access to the assigned agencies', async () => {
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      await admin.put(`/api/users/${assessor.id}/assignments`, { year: 2568, agencyIds: [agencyA.id] });
      const self = await t.signIn(assessor.username);
      expect((await self.get('/api/auth/me')).json().user.assignedAgencies).toEqual([agencyA.id]);
    });

    it('refuses unknown agencies, a year outside the Buddhist Era range, and non-assessors', async () => {
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      const missing = '00000000-0000-4000-8000-000000000003';
      const unknown = await admin.put(`/api/users/${assessor.id}/assignments`, {
        year: 2568,
        agencyIds: [agencyA.id, missing],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.en).toContain(missing);
      const gregorian = await admin.put(`/api/users/${assessor.id}/assignments`, {
        year: 2025,
        agencyIds: [],
      });
      expect(gregorian.statusCode).toBe(400);
      const supervisor = await makeUser(t.deps.db, { role: 'supervisor' });
      const wrongRole = await admin.put(`/api/users/${supervisor.id}/assignments`, {
        year: 2568,
        agencyIds: [],
      });
      expect(wrongRole.json().error.code).toBe('not_an_assessor');
    });

    it('is for admins only', async () => {
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      const res = await agencyAdmin.put(`/api/users/${assessor.id}/assignments`, {
        year: 2568,
        agencyIds: [agencyA.id],
      });
      expect(res.statusCode).toBe(403);
    });
  });
});
