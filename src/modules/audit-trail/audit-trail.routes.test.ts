import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  assign,
  grantScope,
  makeAgency,
  makeMinistry,
  makeProvince,
  makeUser,
} from '../../../test/helpers/factories.ts';
import { chainEntry } from '../../core/audit/index.ts';
import { auditLog } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorOf, tamper } from '../audit/audit.testing.ts';

describe('audit API', () => {
  let t: TestApp;
  let A: string; // agency in province P1, ministry M1
  let B: string; // agency in province P2, ministry M2
  // One session per user: signing in is rate-limited.
  const sessions = new Map<string, Promise<Client>>();
  const as = async (username: string, url: string) => {
    let session = sessions.get(username);
    if (!session) {
      session = t.signIn(username);
      sessions.set(username, session);
    }
    return (await session).get(url);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    const [p1, p2] = [await makeProvince(db), await makeProvince(db)];
    const [m1, m2] = [await makeMinistry(db), await makeMinistry(db)];
    A = (await makeAgency(db, { provinceCode: p1.code, ministryCode: m1.code })).id;
    B = (await makeAgency(db, { provinceCode: p2.code, ministryCode: m2.code })).id;
    const admin = await makeUser(db, { role: 'admin', username: 'audit-admin' });
    const supervisor = await makeUser(db, { role: 'supervisor', username: 'audit-sup-p1' });
    await grantScope(db, supervisor.id, { provinceCode: p1.code });
    const ministrySupervisor = await makeUser(db, { role: 'supervisor', username: 'audit-sup-m2' });
    await grantScope(db, ministrySupervisor.id, { ministryCode: m2.code });
    const assessor = await makeUser(db, { role: 'assessor', username: 'audit-assessor' });
    await assign(db, assessor.id, A);
    const agencyAdmin = await makeUser(db, { role: 'agency_admin', username: 'audit-aa', agencyId: A });
    await makeUser(db, { role: 'executive', username: 'audit-exec', agencyId: A });
    await makeUser(db, { role: 'agency_admin', username: 'audit-aa-b', agencyId: B });

    // Five entries: three of A (two about one OIT item), one of B, one of no agency (system).
    const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 3, minute));
    const oit = { entityType: 'oit_answer' as const, action: 'update' };
    await appendAudit(
      db,
      {
        actor: actorOf(agencyAdmin),
        agencyId: A,
        ...oit,
        entityId: `${A}:O1`,
        before: null,
        after: { url: 'https://a.example/1' },
      },
      at(1),
    );
    await appendAudit(
      db,
      {
        actor: actorOf(admin),
        agencyId: null,
        entityType: 'agency_import',
        entityId: '2568',
        action: 'import',
      },
      at(2),
    );
    await appendAudit(
      db,
      { actor: null, agencyId: B, ...oit, entityId: `${B}:O1`, after: { url: 'https://b.example/1' } },
      at(3),
    );
    await appendAudit(
      db,
      {
        actor: actorOf(assessor),
        agencyId: A,
        entityType: 'oit_review',
        entityId: `${A}:O1`,
        action: 'approve',
      },
      at(4),
    );
    await appendAudit(
      db,
      {
        actor: actorOf(agencyAdmin),
        agencyId: A,
        ...oit,
        entityId: `${A}:O1`,
        before: { url: 'https://a.example/1' },
        after: { url: 'https://a.example/ใหม่' },
      },
      at(5),
    );
  });
  afterAll(() => t.close());

  const seqs = (res: { json(): { items: { seq: number }[] } }) => res.json().items.map((e) => e.seq);

  it('shows an admin every entry, newest first, as presented entries', async () => {
    const res = await as('audit-admin', '/api/audit');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(5);
    expect(seqs(res)).toEqual([5, 4, 3, 2, 1]);
    expect(res.json().items[0]).toEqual({
      seq: 5,
      occurredAt: '2025-03-01T03:05:00.000Z',
      actor: { userId: expect.any(String), username: 'audit-aa', role: 'agency_admin' },
      agencyId: A,
      entityType: 'oit_answer',
      entityId: `${A}:O1`,
      action: 'update',
      before: { url: 'https://a.example/1' },
      after: { url: 'https://a.example/ใหม่' },
      withheld: false,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      agency: expect.objectContaining({ id: A }),
    });
    expect(res.json().items[2].actor).toBeNull(); // the system
  });

  it("gives an item's history with entityType and entityId", async () => {
    const res = await as('audit-admin', `/api/audit?entityType=oit_answer&entityId=${A}:O1`);
    expect(seqs(res)).toEqual([5, 1]);
  });

  it('pages', async () => {
    const res = await as('audit-admin', '/api/audit?page=2&pageSize=2');
    expect(seqs(res)).toEqual([3, 2]);
    expect(res.json().total).toBe(5);
  });

  it.each([
    ['audit-sup-p1', 'a supervisor of the province', [5, 4, 1]],
    ['audit-sup-m2', 'a supervisor of the ministry', [3]],
    ['audit-assessor', 'the assigned assessor', [5, 4, 1]],
    ['audit-aa', "the agency's admin", [5, 4, 1]],
    ['audit-exec', "the agency's executive", [5, 4, 1]],
    ['audit-aa-b', "another agency's admin", [3]],
  ])(
    'shows %s (%s) only the entries of agencies in scope, never ones without an agency',
    async (user, _, expected) => {
      const res = await as(user, '/api/audit');
      expect(seqs(res)).toEqual(expected);
      expect(res.json().total).toBe(expected.length);
    },
  );

  it('lets whoever has the agency in scope filter by it, and refuses an agency out of scope', async () => {
    expect(seqs(await as('audit-sup-p1', `/api/audit?agencyId=${A}`))).toEqual([5, 4, 1]);
    const refused = await as('audit-sup-p1', `/api/audit?agencyId=${B}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.th).toBeTruthy();
  });

  it('refuses an unknown agency to all but an admin (whose history of a deleted agency stays readable)', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await as('audit-aa', `/api/audit?agencyId=${unknown}`)).statusCode).toBe(403);
    const res = await as('audit-admin', `/api/audit?agencyId=${unknown}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0 });
  });

  it('asks an anonymous visitor to sign in', async () => {
    expect((await t.anonymous().get('/api/audit')).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/audit/verify')).statusCode).toBe(401);
  });

  it('refuses malformed filters', async () => {
    for (const query of ['agencyId=nope', 'pageSize=0', 'pageSize=100000', 'page=0', 'entityType=Bad Type'])
      expect((await as('audit-admin', `/api/audit?${query}`)).statusCode).toBe(400);
  });

  it('lets only an admin verify the chain', async () => {
    const res = await as('audit-admin', '/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      status: 'intact',
      chain: { ok: true, entries: 5, headSeq: 5 },
    });
    for (const user of ['audit-sup-p1', 'audit-assessor', 'audit-aa', 'audit-exec'])
      expect((await as(user, '/api/audit/verify')).statusCode).toBe(403);
  });

  it('redacts secrets in entries that reached the table without appendAudit, and reports the break', async () => {
    const [head] = await t.deps.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1);
    const raw = chainEntry(head ?? null, {
      occurredAt: '2025-03-01T04:00:00.000Z',
      actorUserId: null,
      actorUsername: null,
      actorRole: null,
      agencyId: null,
      entityType: 'user',
      entityId: 'x',
      action: 'update',
      before: null,
      after: { passwordHash: '$argon2id$secret' },
    });
    await t.deps.db.insert(auditLog).values({ ...raw, occurredAt: new Date(raw.occurredAt) });
    const res = await as('audit-admin', '/api/audit?entityType=user');
    expect(res.json().items[0].after).toEqual({ passwordHash: '[redacted]' });
    expect(res.body).not.toContain('argon2');

    await tamper(t.deps.db, sql`update audit_log set action = 'delete' where seq = 6`);
    expect((await as('audit-admin', '/api/audit/verify')).json()).toMatchObject({
      ok: false,
      status: 'chain_broken',
      chain: { ok: false, entries: 5, firstBrokenSeq: 6, reason: 'hash_mismatch' },
    });
  });
});
