import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { auditLog } from '../../db/schema/index.ts';
import { loadBundledFrameworks } from './frameworks.loader.ts';
import { frameworkLoaded, latestFrameworkYear } from './frameworks.queries.ts';
import { frameworkForYear, frameworksForYears, listFrameworks } from './frameworks.service.ts';

interface Problem {
  path: string;
  th: string;
  en: string;
}
type Definition = {
  year: number;
  instruments: { code: string; weight: number }[];
  questions: { code: string; text: { th: string; en?: string } }[];
  calendar: { code: string; start: string; end: string }[];
  crosswalk: { fromYear: number; codes: { from: string; to: string }[] };
};

describe('framework drafts API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledFrameworks(t.deps.db);
    await makeUser(t.deps.db, { role: 'admin', username: 'draft-admin' });
    await makeUser(t.deps.db, { role: 'supervisor', username: 'draft-supervisor' });
  });
  afterAll(() => t.close());

  let draftId = '';
  let revision = 0;
  let definition: Definition;

  it('copies FY2568 into a draft of FY2569: the calendar a year later, every code continuing itself', async () => {
    const admin = await t.signIn('draft-admin');
    const res = await admin.post('/api/framework-drafts', { fromYear: 2568, year: 2569 });
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({
      year: 2569,
      base: { year: 2568, version: 1 },
      status: 'draft',
      revision: 1,
    });
    expect(draft.problems).toEqual([]);
    definition = draft.definition;
    expect(definition.year).toBe(2569);
    expect(definition.calendar.find((s) => s.code === 'register')).toMatchObject({
      start: '2026-01-01',
      end: '2026-01-31',
    });
    expect(definition.crosswalk.fromYear).toBe(2568);
    expect(definition.crosswalk.codes).toContainEqual({ from: 'i1', to: 'i1' });
    draftId = draft.id;
    revision = draft.revision;
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `2569:${draftId}`));
    expect(entry).toMatchObject({
      entityType: 'framework_draft',
      action: 'create',
      actorUsername: 'draft-admin',
    });
  });

  it('keeps one open draft per year', async () => {
    const admin = await t.signIn('draft-admin');
    const res = await admin.post('/api/framework-drafts', { fromYear: 2568, year: 2569 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'draft_exists', details: { id: draftId } });
  });

  it('saves an invalid edit and answers every problem at its field, in Thai and English', async () => {
    const admin = await t.signIn('draft-admin');
    const edited = structuredClone(definition);
    (edited.instruments[0] as { weight: number }).weight = 35;
    (edited.questions[0] as { text: { th: string } }).text.th = '';
    const res = await admin.put(`/api/framework-drafts/${draftId}`, { revision, definition: edited });
    expect(res.statusCode).toBe(200);
    const problems: Problem[] = res.json().problems;
    expect(problems).toContainEqual({
      path: 'questions[0].text.th',
      th: 'กรุณากรอกข้อความคำถาม (ภาษาไทย)',
      en: 'Question text (Thai) is required',
    });
    for (const p of problems) {
      expect(p.path).not.toBe('');
      expect(p.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(p.th).not.toMatch(/undefined|object|ได้รับ/);
    }
    expect(res.json().revision).toBe(revision + 1);
    revision = res.json().revision;

    const publish = await admin.post(`/api/framework-drafts/${draftId}/publish`, { revision });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().error.code).toBe('framework_invalid');
    expect(publish.json().error.details.problems).toContainEqual(
      expect.objectContaining({ path: 'questions[0].text.th' }),
    );
  });

  it('answers the weight sum at the instruments once the fields are filled in', async () => {
    const admin = await t.signIn('draft-admin');
    const edited = structuredClone(definition);
    (edited.instruments[0] as { weight: number }).weight = 35;
    const res = await admin.put(`/api/framework-drafts/${draftId}`, { revision, definition: edited });
    expect(res.json().problems).toEqual([
      {
        path: 'instruments',
        th: 'น้ำหนักของเครื่องมือรวมกันได้ 105 ไม่ใช่ 100',
        en: 'Instrument weights sum to 105, not 100',
      },
    ]);
    revision = res.json().revision;
  });

  it('refuses a save from a stale revision (someone saved in between)', async () => {
    const admin = await t.signIn('draft-admin');
    const res = await admin.put(`/api/framework-drafts/${draftId}`, { revision: revision - 1, definition });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'draft_changed', details: { revision } });
  });

  it('is never read by what reads the framework in force, nor is a correction draft of the year in force', async () => {
    const admin = await t.signIn('draft-admin');
    const correction = await admin.post('/api/framework-drafts', { fromYear: 2568, year: 2568 });
    expect(correction.statusCode).toBe(201);
    const changed = structuredClone(correction.json().definition) as Definition;
    (changed.instruments[0] as { weight: number }).weight = 20;
    (changed.instruments[3] as { weight: number }).weight = 50;
    const saved = await admin.put(`/api/framework-drafts/${correction.json().id}`, {
      revision: 1,
      definition: changed,
    });
    expect(saved.json().problems).toEqual([]);

    const { db } = t.deps;
    expect(await frameworkLoaded(db, 2569)).toBe(false);
    expect(await latestFrameworkYear(db)).toBe(2568);
    await expect(frameworkForYear(db, 2569)).rejects.toMatchObject({ code: 'framework_not_found' });
    expect([...(await frameworksForYears(db, [2568, 2569])).keys()]).toEqual([2568]);
    expect((await listFrameworks(db)).map((f) => f.year)).not.toContain(2569);
    const inForce = await frameworkForYear(db, 2568);
    expect(inForce.version).toBe(1);
    expect(inForce.framework.instruments.map((i) => i.weight)).toEqual([30, 15, 15, 40]);
    expect((await t.anonymous().get('/api/frameworks/2569')).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/frameworks/2568')).json().framework.instruments[0].weight).toBe(30);

    const discarded = await admin.delete(`/api/framework-drafts/${correction.json().id}`);
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json().status).toBe('discarded');
  });

  it('publishes a valid draft as the year’s version, shown in the browser; the draft is then closed', async () => {
    const admin = await t.signIn('draft-admin');
    const edited = structuredClone(definition);
    (edited.instruments[0] as { weight: number }).weight = 35;
    (edited.instruments[3] as { weight: number }).weight = 35;
    (edited.questions[0] as { text: { th: string } }).text.th = 'ข้อความใหม่ของปี 2569';
    const saved = await admin.put(`/api/framework-drafts/${draftId}`, { revision, definition: edited });
    expect(saved.json().problems).toEqual([]);
    revision = saved.json().revision;

    const res = await admin.post(`/api/framework-drafts/${draftId}/publish`, { revision });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ year: 2569, version: 1 });

    const list = (await t.anonymous().get('/api/frameworks')).json();
    expect(list.find((f: { year: number }) => f.year === 2569)).toMatchObject({
      version: 1,
      origin: 'authored',
    });
    const inForce = (await t.anonymous().get('/api/frameworks/2569')).json();
    expect(inForce.framework.instruments.map((i: { weight: number }) => i.weight)).toEqual([35, 15, 15, 35]);
    expect(inForce.framework.questions[0].text.th).toBe('ข้อความใหม่ของปี 2569');
    const compare = (await t.anonymous().get('/api/frameworks/2569/compare')).json();
    expect(compare).toMatchObject({ previous: { year: 2568 }, matchedBy: 'crosswalk' });

    const draft = (await admin.get(`/api/framework-drafts/${draftId}`)).json();
    expect(draft).toMatchObject({ status: 'published', publishedVersion: 1 });
    const again = await admin.put(`/api/framework-drafts/${draftId}`, {
      revision: draft.revision,
      definition,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('draft_closed');
    const twice = await admin.post(`/api/framework-drafts/${draftId}/publish`, { revision: draft.revision });
    expect(twice.json().error.code).toBe('draft_closed');

    const actions = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, `2569:${draftId}`));
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update', 'publish']);
    const [version] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, '2569:1'));
    expect(version).toMatchObject({ entityType: 'framework_version', action: 'publish' });
  });

  it('is for NACC admins only', async () => {
    const supervisor = await t.signIn('draft-supervisor');
    expect((await supervisor.get('/api/framework-drafts')).statusCode).toBe(403);
    expect((await supervisor.get(`/api/framework-drafts/${draftId}`)).statusCode).toBe(403);
    expect((await supervisor.post('/api/framework-drafts', { fromYear: 2568, year: 2570 })).statusCode).toBe(
      403,
    );
    expect((await t.anonymous().get('/api/framework-drafts')).statusCode).toBe(401);
  });

  it('answers an unknown draft with 404 and a bad body with 400', async () => {
    const admin = await t.signIn('draft-admin');
    expect((await admin.get('/api/framework-drafts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await admin.post('/api/framework-drafts', { fromYear: 2599, year: 2600 })).statusCode).toBe(404);
    expect((await admin.post('/api/framework-drafts', { fromYear: 2568, year: 2567 })).statusCode).toBe(409);
    expect((await admin.put(`/api/framework-drafts/${draftId}`, { revision: 1 })).statusCode).toBe(400);
  });
});
