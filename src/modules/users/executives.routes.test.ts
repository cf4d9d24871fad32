import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  grantScope,
  makeAgency,
  makeProvince,
  makeUser,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { auditLog, users } from '../../db/schema/index.ts';

const PASSWORD = 'proposer-knows-1';
const OWN_PASSWORD = 'executive-own-2568';
let seq = 0;
const uniqueName = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 7)}`;

describe('executives are confirmed by NACC or the agency supervisor, not the agency admin', () => {
  let t: TestApp;
  let agencyAdmin: Client;
  let supervisor: Client;
  let otherSupervisor: Client;
  let admin: Client;
  let agencyA: { id: string };
  let ip = 0;
  const login = (username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: `10.5.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
    });
  const propose = (body: Record<string, unknown> = {}) => {
    const username = uniqueName('exec');
    return agencyAdmin.post('/api/users', {
      username,
      displayName: 'ผู้บริหารที่เสนอ',
      role: 'executive',
      email: `${username}@example.org`,
      password: PASSWORD,
      ...body,
    });
  };
  const auditActions = async (id: string) =>
    (
      await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, id)))
        .orderBy(auditLog.seq)
    ).map((e) => e.action);

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://ita.example.go.th' });
    const db = t.deps.db;
    await makeProvince(db, { code: 'TH-X1' });
    await makeProvince(db, { code: 'TH-X2' });
    agencyA = await makeAgency(db, { provinceCode: 'TH-X1' });
    await makeUser(db, { role: 'admin', username: 'ex-admin' });
    await makeUser(db, { role: 'agency_admin', username: 'ex-agency-admin', agencyId: agencyA.id });
    const sup = await makeUser(db, { role: 'supervisor', username: 'ex-supervisor' });
    await grantScope(db, sup.id, { provinceCode: 'TH-X1' });
    const other = await makeUser(db, { role: 'supervisor', username: 'ex-supervisor-2' });
    await grantScope(db, other.id, { provinceCode: 'TH-X2' });
    admin = await t.signIn('ex-admin');
    agencyAdmin = await t.signIn('ex-agency-admin');
    supervisor = await t.signIn('ex-supervisor');
    otherSupervisor = await t.signIn('ex-supervisor-2');
  });
  afterAll(() => t.close());

  it("makes an agency admin's executive a proposal that cannot sign in, audited as such", async () => {
    const res = await propose();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'executive', awaitingConfirmation: true, active: true });
    const refused = await login(res.json().username, PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('bad_credentials');
    expect(await auditActions(res.json().id)).toEqual(['propose_executive']);
  });

  it('needs an e-mail address for a proposal (the executive sets their own password through it)', async () => {
    const res = await propose({ email: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'executive_email_required', th: expect.any(String) });
  });

  it('lists proposals to the supervisor of the agency and to NACC (who may confirm), and to the agency admin', async () => {
    const { id } = (await propose()).json();
    const listed = async (c: Client) =>
      (
        (await c.get('/api/users/awaiting-confirmation')).json().items as {
          id: string;
          canConfirm: boolean;
        }[]
      ).find((u) => u.id === id);
    expect(await listed(supervisor)).toMatchObject({ canConfirm: true });
    expect(await listed(admin)).toMatchObject({ canConfirm: true });
    expect(await listed(agencyAdmin)).toMatchObject({ canConfirm: false });
    expect(await listed(otherSupervisor)).toBeUndefined();
  });

  it('refuses confirmation by the agency admin and by a supervisor of another area', async () => {
    const { id } = (await propose()).json();
    expect((await agencyAdmin.post(`/api/users/${id}/confirm`)).statusCode).toBe(403);
    expect((await otherSupervisor.post(`/api/users/${id}/confirm`)).statusCode).toBe(403);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, id));
    expect(row?.awaitingConfirmation).toBe(true);
  });

  it("confirms through the supervisor: the proposer's password dies, the executive sets their own by e-mail", async () => {
    const { id, username, email } = (await propose()).json();
    const res = await supervisor.post(`/api/users/${id}/confirm`);
    expect(res.statusCode).toBe(200);
    expect(res.json().awaitingConfirmation).toBe(false);
    expect((await login(username, PASSWORD)).statusCode).toBe(401);
    const mail = t.outbox.filter((m) => m.to === email).at(-1);
    expect(mail?.subject).toMatch(/ยืนยัน.*confirmed/);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword: OWN_PASSWORD },
    });
    expect(set.statusCode).toBe(204);
    expect((await login(username, OWN_PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(id)).toEqual(['propose_executive', 'confirm_executive', 'password_reset']);
    const again = await supervisor.post(`/api/users/${id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('not_awaiting_confirmation');
  });

  it('lets NACC decline a proposal (deactivated)', async () => {
    const { id } = (await propose()).json();
    const res = await admin.post(`/api/users/${id}/decline`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    expect(await auditActions(id)).toEqual(['propose_executive', 'decline_executive']);
  });

  it('treats an agency admin making a colleague executive as a proposal, ending their sessions', async () => {
    const staff = await makeUser(t.deps.db, {
      role: 'agency_admin',
      agencyId: agencyA.id,
      email: `${uniqueName('colleague')}@example.org`,
    });
    const session = await t.signIn(staff.username);
    const res = await agencyAdmin.patch(`/api/users/${staff.id}`, { role: 'executive' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'executive', awaitingConfirmation: true });
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(staff.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('makes an executive created by NACC a confirmed account at once', async () => {
    const username = uniqueName('nacc-exec');
    const res = await admin.post('/api/users', {
      username,
      displayName: 'ผู้บริหาร',
      role: 'executive',
      agencyId: agencyA.id,
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().awaitingConfirmation).toBe(false);
    expect((await login(username, PASSWORD)).statusCode).toBe(200);
  });
});
