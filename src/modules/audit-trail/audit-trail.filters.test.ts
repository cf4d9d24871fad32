// The audit log's list filters: action, who (part of a username), Bangkok days, with the agency's names on
// each entry; filters narrow what the reading rule allows and never widen it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorOf } from '../audit/audit.testing.ts';

describe('audit list filters', () => {
  let t: TestApp;
  let A: string;
  let B: string;
  let admin: Client;
  let aa: Client;
  const seqs = (res: { json(): { items: { seq: number }[] } }) => res.json().items.map((e) => e.seq);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.deps.db;
    const a = await makeAgency(db, { nameEn: 'Agency A' });
    A = a.id;
    B = (await makeAgency(db)).id;
    const chief = await makeUser(db, { role: 'admin', username: 'filter-admin' });
    const manager = await makeUser(db, { role: 'agency_admin', username: 'filter_aa', agencyId: A });
    await makeUser(db, { role: 'agency_admin', username: 'filterxaa', agencyId: B });
    const oit = (agencyId: string, item: string) => ({
      agencyId,
      entityType: 'oit_answer' as const,
      entityId: `${agencyId}:2568:${item}`,
    });
    // Bangkok is UTC+7: 16:59:59.999Z is still 28 Feb there, 17:00Z is already 1 March.
    await appendAudit(
      db,
      { actor: actorOf(manager), ...oit(A, 'O1'), action: 'save' },
      new Date('2025-02-28T16:59:59.999Z'),
    );
    await appendAudit(
      db,
      { actor: actorOf(manager), ...oit(A, 'O1'), action: 'submit' },
      new Date('2025-02-28T17:00:00.000Z'),
    );
    await appendAudit(
      db,
      { actor: actorOf(chief), ...oit(A, 'O1'), action: 'approve' },
      new Date('2025-03-01T16:59:59.999Z'),
    );
    await appendAudit(
      db,
      { actor: actorOf(chief), ...oit(B, 'O2'), action: 'submit' },
      new Date('2025-03-01T17:00:00.000Z'),
    );
    admin = await t.signIn('filter-admin');
    aa = await t.signIn('filter_aa');
  });
  afterAll(() => t.close());

  it('filters by action', async () => {
    expect(seqs(await admin.get('/api/audit?action=submit'))).toEqual([4, 2]);
    expect(seqs(await aa.get('/api/audit?action=submit'))).toEqual([2]); // B's is not theirs
  });

  it('filters by part of the username, case-insensitively, with LIKE characters taken literally', async () => {
    expect(seqs(await admin.get('/api/audit?actor=FILTER-ADM'))).toEqual([4, 3]);
    // "_" would match any character in LIKE: "filter_" must not find "filter-admin".
    expect(seqs(await admin.get('/api/audit?actor=filter_'))).toEqual([2, 1]);
    expect(seqs(await admin.get('/api/audit?actor=%25'))).toEqual([]);
  });

  it('filters by Bangkok days, both ends included', async () => {
    expect(seqs(await admin.get('/api/audit?from=2025-03-01&to=2025-03-01'))).toEqual([3, 2]);
    expect(seqs(await admin.get('/api/audit?to=2025-02-28'))).toEqual([1]);
    expect(seqs(await admin.get('/api/audit?from=2025-03-02'))).toEqual([4]);
    const res = await admin.get('/api/audit?from=2025-03-01&to=2025-03-01&action=approve&actor=admin');
    expect(seqs(res)).toEqual([3]);
    expect(res.json().total).toBe(1);
  });

  it("carries the agency's names, and none for an entry without an agency", async () => {
    const res = await aa.get('/api/audit?action=save');
    expect(res.json().items[0].agency).toMatchObject({ id: A, nameEn: 'Agency A' });
    expect(res.json().items[0].agency.nameTh).toBeTruthy();
    await appendAudit(
      t.deps.db,
      { actor: null, agencyId: null, entityType: 'cycle', entityId: '2568', action: 'open' },
      new Date('2025-03-05T00:00:00Z'),
    );
    const open = await admin.get('/api/audit?action=open');
    expect(open.json().items[0]).toMatchObject({ entityType: 'cycle', agency: null });
  });

  it('refuses reversed days and malformed filters, in Thai and English', async () => {
    const reversed = await admin.get('/api/audit?from=2025-03-02&to=2025-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: 'audit_dates_reversed' });
    expect(reversed.json().error.th).toBeTruthy();
    for (const q of [
      'from=2025-13-01',
      'to=1-3-2025',
      'action=Bad Action',
      `actor=${'x'.repeat(101)}`,
      'actor=',
    ])
      expect((await admin.get(`/api/audit?${q}`)).statusCode).toBe(400);
  });
});
