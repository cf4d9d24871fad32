import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, grantScope, makeAgency, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { assessorAssignments, sessions, supervisorScopes, users } from '../../db/schema/index.ts';

const PASSWORD = 'a-good-password-1';
let seq = 0;
const uniqueName = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 7)}`;

describe('user management API', () => {
  let t: TestApp;
  let admin: Client;
  let agencyAdmin: Client;
  let executive: Client;
  let agencyA: { id: string };
  let agencyB: { id: string };
  let adminId: string;
  let agencyAdminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    agencyA = await makeAgency(db);
    agencyB = await makeAgency(db);
    adminId = (await makeUser(db, { role: 'admin', username: 'root-admin' })).id;
    agencyAdminId = (await makeUser(db, { role: 'agency_admin', username: 'a-admin', agencyId: agencyA.id }))
      .id;
    await makeUser(db, { role: 'executive', username: 'a-exec', agencyId: agencyA.id });
    await makeUser(db, { role: 'executive', username: 'b-exec', agencyId: agencyB.id });
    admin = await t.signIn('root-admin');
    agencyAdmin = await t.signIn('a-admin');
    executive = await t.signIn('a-exec');
  });
  afterAll(() => t.close());

  const create = (client: Client, body: Record<string, unknown>) =>
    client.post('/api/users', { displayName: 'ผู้ใช้ทดสอบ', password: PASSWORD, ...body });

  describe('POST /api/users', () => {
    it('creates a user whose password signs in, stored as an argon2id hash', async () => {
      const username = uniqueName('assessor');
      const res = await create(admin, { username, role: 'assessor', email: `${username}@example.org` });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ username, role: 'assessor', agency: null, active: true });
      const [row] = await t.deps.db.select().from(users).where(eq(users.username, username));
      expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
      await expect(t.signIn(username, PASSWORD)).resolves.toBeDefined();
    });

    it('stores usernames in lowercase and refuses one that differs only in case, in Thai and English', async () => {
      const username = uniqueName('somchai');
      expect(
        (await create(admin, { username: username.toUpperCase(), role: 'assessor' })).json().username,
      ).toBe(username);
      const res = await create(admin, { username, role: 'assessor' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'username_taken',
        th: expect.stringContaining(username),
        en: expect.stringContaining('already taken'),
      });
    });

    it('refuses an e-mail address already used by another account, ignoring case', async () => {
      const email = `${uniqueName('mail')}@example.org`;
      await create(admin, { username: uniqueName('u'), role: 'assessor', email });
      const res = await create(admin, {
        username: uniqueName('u'),
        role: 'assessor',
        email: email.toUpperCase(),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('email_taken');
    });

    it.each([
      ['too short', 'ab'],
      ['a space', 'som chai'],
      ['a Thai letter', 'สมชาย'],
      ['a leading dot', '.somchai'],
      ['65 characters', 'a'.repeat(65)],
    ])('refuses a username with %s', async (_label, username) => {
      const res = await create(admin, { username, role: 'assessor' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.username');
    });

    it('refuses a password shorter than 8 characters', async () => {
      const res = await create(admin, { username: uniqueName('u'), role: 'assessor', password: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.password');
    });

    it('requires an agency for agency roles and refuses one for the others', async () => {
      const missing = await create(admin, { username: uniqueName('u'), role: 'executive' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toMatchObject({ code: 'agency_required', th: expect.any(String) });
      const extra = await create(admin, {
        username: uniqueName('u'),
        role: 'supervisor',
        agencyId: agencyA.id,
      });
      expect(extra.json().error.code).toBe('agency_not_allowed');
    });

    it('refuses an agency that does not exist', async () => {
      const res = await create(admin, {
        username: uniqueName('u'),
        role: 'executive',
        agencyId: '00000000-0000-4000-8000-000000000000',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('unknown_agency');
    });

    it('lets an agency admin propose executives of their own agency, by default in their agency', async () => {
      const username = uniqueName('exec');
      const res = await create(agencyAdmin, {
        username,
        role: 'executive',
        email: `${username}@example.org`,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ agency: { id: agencyA.id }, awaitingConfirmation: true });
    });

    it('lets an agency admin create staff accounts of their own agency, who can sign in', async () => {
      const username = uniqueName('staff');
      const res = await create(agencyAdmin, { username, role: 'agency_staff' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ role: 'agency_staff', agency: { id: agencyA.id }, active: true });
      const staff = await t.signIn(username, PASSWORD);
      expect((await staff.get('/api/auth/me')).json().user).toMatchObject({
        role: 'agency_staff',
        agencyId: agencyA.id,
      });
      expect((await create(staff, { username: uniqueName('x'), role: 'agency_staff' })).statusCode).toBe(403);
      const other = await create(agencyAdmin, {
        username: uniqueName('x'),
        role: 'agency_staff',
        agencyId: agencyB.id,
      });
      expect(other.statusCode).toBe(403);
    });

    it('forbids an agency admin to create users of another agency or without agency', async () => {
      const other = await create(agencyAdmin, {
        username: uniqueName('x'),
        role: 'executive',
        agencyId: agencyB.id,
      });
      expect(other.statusCode).toBe(403);
      const assessor = await create(agencyAdmin, {
        username: uniqueName('x'),
        role: 'assessor',
        agencyId: null,
      });
      expect(assessor.statusCode).toBe(403);
      const admins = await create(agencyAdmin, { username: uniqueName('x'), role: 'admin', agencyId: null });
      expect(admins.statusCode).toBe(403);
    });

    it('forbids executives to create users', async () => {
      expect((await create(executive, { username: uniqueName('x'), role: 'executive' })).statusCode).toBe(
        403,
      );
    });
  });

  describe('GET /api/users', () => {
    it('lists everyone for an admin, with sign-in failures and lock state', async () => {
      const res = await admin.get('/api/users?pageSize=200');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.map((u: { username: string }) => u.username)).toEqual(
        expect.arrayContaining(['root-admin', 'a-admin', 'a-exec', 'b-exec']),
      );
      expect(body.items[0].security).toEqual({ failedLogins: expect.any(Number), lockedUntil: null });
      expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
    });

    it('lists only their own agency for an agency admin, without security details', async () => {
      const body = (await agencyAdmin.get('/api/users?pageSize=200')).json();
      const agencies = new Set(body.items.map((u: { agency: { id: string } }) => u.agency.id));
      expect([...agencies]).toEqual([agencyA.id]);
      expect(body.items.every((u: object) => !('security' in u))).toBe(true);
    });

    it('forbids an agency admin to list another agency', async () => {
      expect((await agencyAdmin.get(`/api/users?agencyId=${agencyB.id}`)).statusCode).toBe(403);
    });

    it('filters by text, role and agency and pages the result', async () => {
      const tag = uniqueName('findme');
      for (let i = 0; i < 3; i++) {
        await makeUser(t.deps.db, { role: 'executive', agencyId: agencyB.id, username: `${tag}-${i}` });
      }
      const page = (await admin.get(`/api/users?q=${tag}&role=executive&pageSize=2&page=2`)).json();
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.items.map((u: { username: string }) => u.username)).toEqual([`${tag}-2`]);
      expect((await admin.get(`/api/users?q=${tag}&role=assessor`)).json().total).toBe(0);
      expect((await admin.get(`/api/users?q=${tag}&agencyId=${agencyA.id}`)).json().total).toBe(0);
    });

    it('treats % and _ in the search text as plain characters', async () => {
      expect((await admin.get('/api/users?q=%25')).json().total).toBe(0);
    });

    it('refuses an unknown role filter and a page size above the limit', async () => {
      expect((await admin.get('/api/users?role=king')).statusCode).toBe(400);
      expect((await admin.get('/api/users?pageSize=1000')).statusCode).toBe(400);
    });

    it('forbids executives', async () => {
      expect((await executive.get('/api/users')).statusCode).toBe(403);
    });
  });

  describe('GET /api/users/:id', () => {
    it('shows a user to an admin, to their agency admin and to themself', async () => {
      const me = (await executive.get('/api/auth/me')).json().user.id;
      for (const client of [admin, agencyAdmin, executive]) {
        expect((await client.get(`/api/users/${me}`)).statusCode).toBe(200);
      }
    });

    it('forbids other users and answers 404 for unknown ids to admins', async () => {
      expect((await executive.get(`/api/users/${agencyAdminId}`)).statusCode).toBe(403);
      expect((await agencyAdmin.get(`/api/users/${adminId}`)).statusCode).toBe(403);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await admin.get(`/api/users/${unknown}`)).statusCode).toBe(404);
      expect((await executive.get(`/api/users/${unknown}`)).statusCode).toBe(403);
      expect((await admin.get('/api/users/not-a-uuid')).statusCode).toBe(400);
    });

    it('shows the lock state of a locked account to admins only', async () => {
      const locked = await makeUser(t.deps.db, {
        role: 'executive',
        agencyId: agencyA.id,
        failedLogins: 0,
        lockedUntil: new Date(t.deps.now().getTime() + 60_000),
      });
      const asAdmin = (await admin.get(`/api/users/${locked.id}`)).json();
      expect(asAdmin.security.lockedUntil).not.toBeNull();
      expect((await agencyAdmin.get(`/api/users/${locked.id}`)).json()).not.toHaveProperty('security');
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('changes the display name, e-mail and role of a user', async () => {
      const user = await makeUser(t.deps.db, { role: 'executive', agencyId: agencyA.id });
      const res = await agencyAdmin.patch(`/api/users/${user.id}`, {
        displayName: 'ชื่อใหม่',
        role: 'agency_admin',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ displayName: 'ชื่อใหม่', role: 'agency_admin' });
      const email = `${uniqueName('x')}@example.org`;
      expect((await admin.patch(`/api/users/${user.id}`, { email })).json().email).toBe(email);
      expect((await admin.patch(`/api/users/${user.id}`, { email: null })).json().email).toBeNull();
    });

    it('ends the sessions of a deactivated user, who can no longer sign in', async () => {
      const user = await makeUser(t.deps.db, { role: 'executive', agencyId: agencyA.id });
      const theirs = await t.signIn(user.username);
      const res = await agencyAdmin.patch(`/api/users/${user.id}`, { active: false });
      expect(res.json().active).toBe(false);
      expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
      expect((await theirs.get('/api/auth/me')).statusCode).toBe(401);
      await expect(t.signIn(user.username)).rejects.toThrow(/401/);
    });

    it('forbids an agency admin to touch users of another agency or to move staff there', async () => {
      const bExec = await makeUser(t.deps.db, { role: 'executive', agencyId: agencyB.id });
      expect((await agencyAdmin.patch(`/api/users/${bExec.id}`, { displayName: 'x' })).statusCode).toBe(403);
      const aExec = await makeUser(t.deps.db, { role: 'executive', agencyId: agencyA.id });
      expect((await agencyAdmin.patch(`/api/users/${aExec.id}`, { agencyId: agencyB.id })).statusCode).toBe(
        403,
      );
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      expect((await agencyAdmin.patch(`/api/users/${assessor.id}`, { displayName: 'x' })).statusCode).toBe(
        403,
      );
    });

    it('refuses a role that does not fit the agency', async () => {
      const user = await makeUser(t.deps.db, { role: 'executive', agencyId: agencyA.id });
      const res = await admin.patch(`/api/users/${user.id}`, { role: 'assessor' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('agency_not_allowed');
      const moved = await admin.patch(`/api/users/${user.id}`, { role: 'assessor', agencyId: null });
      expect(moved.json()).toMatchObject({ role: 'assessor', agency: null });
    });

    it('refuses to deactivate or re-role your own account', async () => {
      expect(
        (await agencyAdmin.patch(`/api/users/${agencyAdminId}`, { active: false })).json().error.code,
      ).toBe('own_account_deactivation');
      expect((await admin.patch(`/api/users/${adminId}`, { role: 'assessor' })).json().error.code).toBe(
        'own_role_unchangeable',
      );
    });

    it('drops the scope of a supervisor and the assignments of an assessor whose role changes', async () => {
      const province = await makeProvince(t.deps.db);
      const supervisor = await makeUser(t.deps.db, { role: 'supervisor' });
      await grantScope(t.deps.db, supervisor.id, { provinceCode: province.code });
      const assessor = await makeUser(t.deps.db, { role: 'assessor' });
      await assign(t.deps.db, assessor.id, agencyA.id);
      await admin.patch(`/api/users/${supervisor.id}`, { role: 'assessor' });
      await admin.patch(`/api/users/${assessor.id}`, { role: 'supervisor' });
      const db = t.deps.db;
      expect(
        await db.select().from(supervisorScopes).where(eq(supervisorScopes.userId, supervisor.id)),
      ).toEqual([]);
      expect(
        await db.select().from(assessorAssignments).where(eq(assessorAssignments.userId, assessor.id)),
      ).toEqual([]);
    });

    it('records who created, changed and deactivated an account in the audit log, without credentials', async () => {
      const username = uniqueName('audited');
      const id = (await create(agencyAdmin, { username, role: 'agency_admin' })).json().id;
      await agencyAdmin.patch(`/api/users/${id}`, { displayName: 'ชื่อใหม่' });
      await agencyAdmin.patch(`/api/users/${id}`, { active: false });
      const log = (await admin.get(`/api/audit?entityType=user&entityId=${id}`)).json();
      expect(log.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'create',
        'deactivate',
        'update',
      ]);
      const created = log.items.find((e: { action: string }) => e.action === 'create');
      expect(created).toMatchObject({
        actor: { username: 'a-admin', role: 'agency_admin' },
        agencyId: agencyA.id,
        after: { username, role: 'agency_admin', active: true },
      });
      expect(JSON.stringify(log)).not.toMatch(/argon2|passwordHash|a-good-password/);
    });

    it("forbids an agency admin to change a colleague's e-mail (it receives password-reset links)", async () => {
      const exec = await makeUser(t.deps.db, {
        role: 'executive',
        agencyId: agencyA.id,
        email: `${uniqueName('x')}@example.org`,
      });
      const res = await agencyAdmin.patch(`/api/users/${exec.id}`, { email: 'attacker@example.org' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('email_change_not_allowed');
      const [after] = await t.deps.db.select().from(users).where(eq(users.id, exec.id));
      expect(after?.email).toBe(exec.email);
      expect((await agencyAdmin.patch(`/api/users/${exec.id}`, { displayName: 'ผู้บริหาร' })).statusCode).toBe(
        200,
      );
    });

    it('refuses an e-mail address of another account', async () => {
      const email = `${uniqueName('taken')}@example.org`;
      await makeUser(t.deps.db, { role: 'assessor', email });
      const user = await makeUser(t.deps.db, { role: 'assessor' });
      expect((await admin.patch(`/api/users/${user.id}`, { email })).statusCode).toBe(409);
    });
  });
});
