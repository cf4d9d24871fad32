// The measures document end to end on the routes: only from a published result, proposed weak points as the
// core rule proposes them from the stored report, the approval chain with four eyes, the lock (service and
// database), revision, publication at a public address, progress and the effect, the supervisors' overview,
// the DOCX download.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import type { MeasuresContent } from '../../core/measures/content.ts';
import { participations, stageExtensions } from '../../db/schema/index.ts';
import {
  MEASURES_NOW,
  MEASURES_YEAR,
  type MeasuresWorld,
  measuresWorld,
  SOURCE_YEAR,
} from './measures.fixture.testing.ts';

describe('measures routes', () => {
  let t: TestApp;
  let w: MeasuresWorld;
  let url: string;
  let divisions: string[];

  beforeAll(async () => {
    t = await createTestApp();
    w = await measuresWorld(t, 'mr');
    url = `/api/agencies/${w.agencyId}/measures/${MEASURES_YEAR}`;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('cannot be drawn up before the source year is published', async () => {
    const res = await w.as.agencyAdmin.post(url);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('measures_source_not_published');
    expect((await w.as.agencyAdmin.get(url)).json()).toMatchObject({ document: null, can: { create: true } });
  });

  it('is drawn up by the agency admin from the published result, with the weak points the rule proposes', async () => {
    await w.publish();
    expect((await w.as.staff.post(url)).statusCode).toBe(403);
    expect((await w.as.executive.post(url)).statusCode).toBe(403);
    expect((await w.as.otherAdmin.post(url)).statusCode).toBe(403);
    const res = await w.as.agencyAdmin.post(url);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    const report = (
      await w.as.agencyAdmin.get(`/api/agencies/${w.agencyId}/results/${SOURCE_YEAR}/report`)
    ).json();
    expect(view.document).toMatchObject({
      version: 1,
      status: 'draft',
      source: {
        runId: w.runId,
        year: SOURCE_YEAR,
        total: report.total,
        rating: { code: report.rating.code },
      },
    });
    const points = view.document.content.weakPoints as MeasuresContent['weakPoints'];
    expect(points.length).toBeGreaterThan(0);
    // Every question point cites a question of the stored report under its ITAS code, with its score.
    for (const p of points.filter((p) => p.questionCodes.length > 0)) {
      const code = p.questionCodes[0];
      const q =
        p.instrument === 'OIT'
          ? report.oitItems.find((o: { displayCode: string }) => o.displayCode === code)
          : report.questions.find((q: { displayCode: string }) => q.displayCode === code);
      expect(q, code).toBeDefined();
      expect(q.score).toBe(p.score);
      if (p.class === 'urgent') expect(p.score).toBeLessThan(report.passThreshold);
    }
    // OIT items scored 0 are urgent points.
    const zeroItems = report.oitItems.filter((o: { score: number | null }) => o.score === 0).length;
    expect(points.filter((p) => p.instrument === 'OIT' && p.class === 'urgent')).toHaveLength(zeroItems);
    expect((await w.as.agencyAdmin.post(url)).json().error.code).toBe('measures_exist');
  });

  it('keeps the agency’s divisions (its admin writes, its people read)', async () => {
    const base = `/api/agencies/${w.agencyId}/divisions`;
    expect((await w.as.staff.post(base, { name: 'สำนักปลัด' })).statusCode).toBe(403);
    const a = await w.as.agencyAdmin.post(base, { name: 'สำนักปลัด' });
    const b = await w.as.agencyAdmin.post(base, { name: 'กองคลัง' });
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect((await w.as.agencyAdmin.post(base, { name: 'กองคลัง' })).json().error.code).toBe('division_exists');
    divisions = [a.json().id, b.json().id];
    expect((await w.as.staff.get(base)).json()).toHaveLength(2);
  });

  it('saves the draft as a whole and refuses references to what does not exist', async () => {
    const view = (await w.as.agencyAdmin.get(url)).json();
    const content = view.document.content as MeasuresContent;
    const point = content.weakPoints[0];
    if (!point) throw new Error('no weak point');
    const next: MeasuresContent = {
      ...content,
      weakPoints: content.weakPoints.map((p, i) => (i === 0 ? { ...p, text: 'ประเด็นที่หน่วยงานเขียนเอง' } : p)),
      measures: [
        {
          id: randomUUID(),
          title: 'จัดทำแนวปฏิบัติ',
          weakPointIds: [point.id],
          indicators: [],
          steps: ['ร่างแนวปฏิบัติ', 'ประกาศใช้'],
          divisionIds: divisions,
          from: '2025-10',
          to: '2026-03',
          monitoring: 'รายงานผู้บริหารทุกไตรมาส',
        },
      ],
    };
    const bad = await w.as.agencyAdmin.put(url, {
      content: { ...next, measures: next.measures.map((m) => ({ ...m, divisionIds: [randomUUID()] })) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('measures_invalid');
    expect((await w.as.staff.put(url, { content: next })).statusCode).toBe(403);
    t.clock.advance(1000);
    const ok = await w.as.agencyAdmin.put(url, { content: next, updatedAt: view.document.updatedAt });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().document.content.measures).toHaveLength(1);
    const stale = await w.as.agencyAdmin.put(url, { content: next, updatedAt: view.document.updatedAt });
    expect(stale.json().error.code).toBe('measures_changed');
  });

  it('goes prepared → reviewed → approved with four eyes, then is locked', async () => {
    const step = (who: keyof MeasuresWorld['as'], s: string) => w.as[who].post(`${url}/steps`, { step: s });
    expect((await step('agencyAdmin', 'approve')).statusCode).toBe(403);
    expect((await step('executive', 'approve')).json().error.code).toBe('measures_step_not_allowed');
    expect((await step('agencyAdmin', 'prepare')).json().document.status).toBe('prepared');
    expect(
      (
        await w.as.agencyAdmin.put(url, {
          content: (await w.as.agencyAdmin.get(url)).json().document.content,
        })
      ).json().error.code,
    ).toBe('measures_locked');
    expect((await step('agencyAdmin', 'review')).json().error.code).toBe('four_eyes');
    expect((await step('staff', 'review')).statusCode).toBe(403);
    expect((await step('secondAdmin', 'review')).json().document.status).toBe('reviewed');
    expect((await step('secondAdmin', 'approve')).statusCode).toBe(403);
    expect((await step('supervisor', 'approve')).statusCode).toBe(403);
    const approved = (await step('executive', 'approve')).json();
    expect(approved.document).toMatchObject({ status: 'approved', approved: { by: expect.any(String) } });
    expect(approved.can).toMatchObject({ revise: false, approve: false });
    expect((await step('executive', 'return')).json().error.code).toBe('measures_step_not_allowed');
    // The database refuses too.
    await expect(
      t.deps.db.execute(sql`update measure_documents set content = '{}'::jsonb where status = 'approved'`),
    ).rejects.toThrow();
  });

  it('is revised as a new version while the approved one stays in force; published at a public address', async () => {
    expect((await w.as.agencyAdmin.post(`${url}/publish`)).statusCode).toBe(200);
    const view = (await w.as.agencyAdmin.get(url)).json();
    const path = view.document.publicPath as string;
    expect(path).toMatch(/^\/api\/public\/measures\/.+\/document\.pdf$/);
    const docx = await t.anonymous().get(path.replace('.pdf', '.docx'));
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.anonymous().get(`/api/public/measures/${randomUUID()}/document.docx`)).statusCode).toBe(
      404,
    );
    const revised = (await w.as.agencyAdmin.post(`${url}/revise`)).json();
    expect(revised.document).toMatchObject({ version: 2, status: 'draft' });
    expect(revised.versions.map((v: { status: string }) => v.status)).toEqual(['draft', 'approved']);
    // A draft is never public, and the download of the newest version is the draft.
    const d = await w.as.staff.get(`${url}/document.docx`);
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-disposition']).toContain('-v2.docx');
  });

  it('records progress on the approved measures, signed by the executive; effects wait for the next year', async () => {
    const view = (await w.as.agencyAdmin.get(url)).json();
    const measureId = view.effects[0]?.measureId as string;
    expect(view.effects[0].status).toBe('pending');
    const entry = {
      measureId,
      day: '2025-12-15',
      status: 'done',
      note: 'ประกาศใช้แล้ว',
      evidenceUrl: 'https://example.org/x',
    };
    expect((await w.as.staff.post(`${url}/progress`, entry)).statusCode).toBe(403);
    const res = await w.as.agencyAdmin.post(`${url}/progress`, entry);
    expect(res.statusCode).toBe(200);
    expect(res.json().progress).toHaveLength(1);
    const bad = await w.as.agencyAdmin.post(`${url}/progress`, { ...entry, measureId: randomUUID() });
    expect(bad.json().error.code).toBe('measures_invalid');
    expect((await w.as.agencyAdmin.post(`${url}/progress/sign`)).statusCode).toBe(403);
    expect((await w.as.executive.post(`${url}/progress/sign`)).json().versions).toHaveLength(2);
    const report = await w.as.supervisor.get(`${url}/progress.docx`);
    expect(report.statusCode).toBe(200);
    expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const overview = await w.as.supervisor.get(`/api/measures/overview/${MEASURES_YEAR}`);
    expect(overview.json().rows).toEqual([
      expect.objectContaining({
        agency: expect.objectContaining({ id: w.agencyId }),
        measures: 1,
        done: 1,
        total: null,
      }),
    ]);
    expect((await w.as.agencyAdmin.get(`/api/measures/overview/${MEASURES_YEAR}`)).statusCode).toBe(403);
  });

  describe("the year's measures stage (src/core/calendar.ts through measures.stage.ts)", () => {
    const other = () => `/api/agencies/${w.otherAgencyId}/measures/${MEASURES_YEAR}`;
    const otherAdmin = () => t.signIn('mr-otheradmin');
    afterAll(() => t.clock.set(MEASURES_NOW));

    it('refuses drawing up before the stage opens and after its last day, and says so in the view', async () => {
      t.clock.set(new Date('2025-09-30T16:59:59Z'));
      const early = await (await otherAdmin()).post(other());
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toMatchObject({
        code: 'measures_stage_closed',
        th: expect.stringContaining('1 ตุลาคม 2568'),
        en: expect.stringContaining('2025-10-01'),
      });
      t.clock.set(new Date('2026-04-30T17:00:00Z'));
      const client = await otherAdmin();
      const late = await client.post(other());
      expect(late.json().error).toMatchObject({
        code: 'measures_stage_closed',
        details: { closesOn: '2026-04-30' },
      });
      expect((await client.get(other())).json()).toMatchObject({
        document: null,
        stage: { phase: 'ended', closesOn: '2026-04-30', closed: false },
        can: { create: false },
      });
    });

    it('accepts within an extension NACC granted, then edits stop when it ends; approval runs on', async () => {
      // An extension is granted to an agency taking part in the year.
      await t.deps.db.insert(participations).values({ agencyId: w.otherAgencyId, year: MEASURES_YEAR });
      await t.deps.db.insert(stageExtensions).values({
        agencyId: w.otherAgencyId,
        year: MEASURES_YEAR,
        stage: 'measures',
        endsOn: '2026-05-15',
        reason: 'test',
      });
      t.clock.set(new Date('2026-05-15T10:00:00Z'));
      const client = await otherAdmin();
      const made = await client.post(other());
      expect(made.statusCode).toBe(200);
      expect(made.json()).toMatchObject({
        stage: { phase: 'open', daysLeft: 0 },
        can: { create: false, edit: true },
      });
      t.clock.set(new Date('2026-05-15T17:00:00Z'));
      const after = await otherAdmin();
      const doc = (await after.get(other())).json();
      expect(doc.can).toMatchObject({ edit: false, prepare: false });
      const edit = await after.put(other(), {
        content: doc.document.content,
        updatedAt: doc.document.updatedAt,
      });
      expect(edit.json().error.code).toBe('measures_stage_closed');
      expect((await after.post(`${other()}/steps`, { step: 'prepare' })).json().error.code).toBe(
        'measures_stage_closed',
      );
    });

    it('refuses every write of the chain once NACC closed the year, and allows them again when reopened', async () => {
      t.clock.set(new Date('2026-05-10T03:00:00Z'));
      const admin = await t.signIn('mr-admin');
      expect((await admin.put(`/api/cycles/${MEASURES_YEAR}/closure`, { reason: 'ปิดรอบ' })).statusCode).toBe(
        200,
      );
      const client = await otherAdmin();
      const view = (await client.get(other())).json();
      expect(view).toMatchObject({
        stage: { phase: 'ended', closed: true },
        can: { edit: false, return: false },
      });
      const edit = await client.put(other(), { content: view.document.content });
      expect(edit.json().error.code).toBe('cycle_closed');
      expect((await admin.delete(`/api/cycles/${MEASURES_YEAR}/closure`)).statusCode).toBe(200);
      const back = await client.put(other(), { content: view.document.content });
      expect(back.statusCode).toBe(200);
    });
  });
});
