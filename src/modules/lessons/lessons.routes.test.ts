// Lessons learned over a scope: a supervisor sees its province's agencies only, never another scope's or the
// nation; only the publication in effect counts (an embargoed correction does not, NACC included); last
// year's figures follow the report's rule (the published run over the imported result); groups under 5
// are withheld; the scope's target is set by its supervisor, audited, and read against the totals; XLSX.

import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import type { Db } from '../../db/client.ts';
import { agencyResults, auditLog, pastResults, processingRuns, publications } from '../../db/schema/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import type { Lessons } from './lessons.schema.ts';

const P = 'TH-LES1';
const Q = 'TH-LES2';

describe('lessons learned', () => {
  let t: TestApp;
  let db: Db;
  let framework: Framework;
  let admin: Client;
  let supervisor: Client;
  const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

  async function insertRun(year: number, frameworkVersion: number) {
    const [row] = await db
      .insert(processingRuns)
      .values({
        year,
        frameworkVersion,
        kind: 'run',
        scope: 'all',
        status: 'done',
        inputsHash: 'a'.repeat(64),
        finishedAt: new Date('2025-01-01'),
      })
      .returning({ id: processingRuns.id });
    return row?.id as string;
  }
  async function insertResult(
    runId: string,
    agencyId: string,
    total: number,
    o: { iitN?: number; oit?: number } = {},
  ) {
    const instrument = (n: number | null, score = total) => ({
      score,
      n,
      minimum: 3,
      population: 10,
      marginOfError: null,
      notProcessed: null,
    });
    await db.insert(agencyResults).values({
      runId,
      agencyId,
      total: total.toFixed(2),
      ratingCode: total >= 85 ? 'pass' : 'improve',
      passes: total >= 85,
      instruments: {
        IIT: instrument(o.iitN ?? 20),
        EIT1: instrument(40),
        EIT2: instrument(12),
        OIT: instrument(null),
      },
      indicators: Object.fromEntries(framework.indicators.map((i) => [i.code, total])),
      indicatorsByInstrument: {},
      questions: {
        IIT: Object.fromEntries(framework.questions.slice(0, 3).map((q) => [q.code, total])),
        OIT: Object.fromEntries(
          framework.oitItems.slice(0, 3).map((item, i) => [item.code, i < (o.oit ?? 1) ? 0 : 100]),
        ),
      },
      subIndicators: {},
      inputsHash: 'b'.repeat(64),
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    const loaded = await loadFramework(db);
    framework = loaded.framework;
    await makeProvince(db, { code: P });
    await makeProvince(db, { code: Q });
    ids.A = (await participatingAgency(db, { provinceCode: P, code: 'LES-A' })).id;
    ids.B = (await participatingAgency(db, { provinceCode: P, code: 'LES-B' })).id;
    ids.C = (
      await participatingAgency(db, { provinceCode: P, code: 'LES-C', type: 'subdistrict_municipality' })
    ).id;
    ids.D = (await participatingAgency(db, { provinceCode: Q, code: 'LES-D' })).id;
    // This year: a run published long ago, then a correction still under embargo (never counted yet).
    const published = await insertRun(YEAR, loaded.version);
    await insertResult(published, ids.A, 92, { oit: 2 });
    await insertResult(published, ids.B, 80, { iitN: 3 });
    await insertResult(published, ids.C, 88);
    await insertResult(published, ids.D, 95);
    const embargoed = await insertRun(YEAR, loaded.version);
    for (const id of Object.values(ids)) await insertResult(embargoed, id, 40);
    await db.insert(publications).values([
      { year: YEAR, runId: published, publishAt: new Date('2024-12-01'), createdAt: new Date('2024-12-01') },
      { year: YEAR, runId: embargoed, publishAt: new Date('2030-01-01'), reason: 'correction' },
    ]);
    // Last year: A and B from a published run; B and C from an import (B's run wins over its import).
    const before = await frameworkForYear(db, YEAR - 1);
    const last = await insertRun(YEAR - 1, before.version);
    await insertResult(last, ids.A, 95);
    await insertResult(last, ids.B, 70);
    await db.insert(publications).values({ year: YEAR - 1, runId: last, publishAt: new Date('2024-01-01') });
    const imported = (agencyId: string, total: number, sourceLine: number) => ({
      agencyId,
      year: YEAR - 1,
      total,
      ratingCode: 'pass',
      instruments: {},
      indicators: {},
      sourceFile: 'past.csv',
      sourceLine,
      importedAt: new Date('2024-06-01'),
    });
    await db.insert(pastResults).values([imported(ids.B, 99, 2), imported(ids.C, 90, 3)]);
    await makeUser(db, { role: 'admin', username: 'les-admin' });
    const sup = await makeUser(db, { role: 'supervisor', username: 'les-sup' });
    await grantScope(db, sup.id, { provinceCode: P });
    admin = await t.signIn('les-admin');
    supervisor = await t.signIn('les-sup');
  });
  afterAll(async () => {
    await t?.close();
  });

  const lessonsOf = async (c: Client, scope: string) => {
    const res = await c.get(`/api/lessons/${YEAR}?scope=${scope}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Lessons;
  };
  const codes = (l: Lessons) => l.heatmap.rows.map((r) => r.agency.code).sort();

  it('shows a supervisor its province’s agencies only, and refuses another province and the nation', async () => {
    const sut = await lessonsOf(supervisor, `province:${P}`);
    expect(codes(sut)).toEqual(['LES-A', 'LES-B', 'LES-C']);
    expect(sut.summary).toMatchObject({ agencies: 3, passing: 2, share: 0.6667, mean: 86.67 });
    expect((await supervisor.get(`/api/lessons/${YEAR}?scope=province:${Q}`)).statusCode).toBe(403);
    expect((await supervisor.get(`/api/lessons/${YEAR}?scope=nation`)).statusCode).toBe(403);
    expect(
      (await supervisor.get('/api/lessons/scopes')).json().items.map((s: { key: string }) => s.key),
    ).toEqual([`province:${P}`]);
    const nation = await lessonsOf(admin, 'nation');
    expect(codes(nation)).toEqual(['LES-A', 'LES-B', 'LES-C', 'LES-D']);
    // The nation has a row per province too: means of the shown cells (B's IIT withheld, not averaged).
    expect(nation.heatmap.provinces?.map((p) => [p.code, p.agencies, p.total])).toEqual([
      [Q, 1, 95],
      [P, 3, 86.67],
    ]);
    const iitIndicator = nation.heatmap.indicators.findIndex((i) => i.code === '1');
    expect(nation.heatmap.provinces?.[1]?.cells[iitIndicator]).toBe(90);
    expect(nation.heatmap.provinces?.[1]?.counted[iitIndicator]).toBe(2);
    expect(sut.heatmap.provinces).toBeNull();
  });

  it('counts only the publication in effect: the embargoed correction is not seen, by NACC either', async () => {
    const sut = await lessonsOf(admin, `province:${P}`);
    expect(sut.heatmap.rows.map((r) => r.total)).toEqual([92, 88, 80]);
    const earlier = await admin.get(`/api/lessons/${YEAR + 1}?scope=nation`);
    expect(earlier.statusCode).toBe(404);
    expect(earlier.json().error.code).toBe('results_not_published');
  });

  it('compares with last year by the report’s rule and lists the agencies that fell', async () => {
    const sut = await lessonsOf(supervisor, `province:${P}`);
    expect(sut.fell.map((f) => [f.agency.code, f.change, f.lastYear.source])).toEqual([
      ['LES-A', -3, 'run'],
      ['LES-C', -2, 'imported'],
    ]);
    expect(sut.summary.lastYear).toMatchObject({ year: YEAR - 1, agencies: 3, mean: 85 });
    const pass = sut.ratings.find((r) => r.code === 'pass');
    expect(pass).toMatchObject({ count: 2, lastYear: 2, change: 0 });
  });

  it('withholds every survey figure of an agency under 5 responses', async () => {
    const sut = await lessonsOf(supervisor, `province:${P}`);
    const b = sut.heatmap.rows.find((r) => r.agency.code === 'LES-B');
    const oitIndicators = new Set(framework.instruments.find((i) => i.code === 'OIT')?.indicators);
    sut.heatmap.indicators.forEach((ind, i) => {
      expect(b?.cells[i]).toBe(oitIndicators.has(ind.code) ? 80 : null);
    });
    // B's IIT is not counted: the questions are failed by nobody else (A 92, C 88 are above 85).
    expect(sut.questions.filter((q) => q.instrument === 'IIT')).toEqual([]);
    const [first] = sut.oitItems;
    expect(first).toMatchObject({ code: framework.oitItems[0]?.code, failed: 3, assessed: 3 });
    // Types in the registry's order; B (80) does not pass, so it is nobody's example.
    expect(sut.topPerformers.map((g) => [g.type.code, g.agencies.map((a) => a.agency.code)])).toEqual([
      ['subdistrict_municipality', ['LES-C']],
      ['sao', ['LES-A']],
    ]);
  });

  it('lets the supervisor set its scope’s target (audited), read against the totals; not another scope’s', async () => {
    const res = await supervisor.put(`/api/lessons/${YEAR}/target`, {
      scope: `province:${P}`,
      threshold: 89,
      share: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const sut = await lessonsOf(supervisor, `province:${P}`);
    expect(sut.targets.own).toMatchObject({
      threshold: 89,
      targetShare: 1,
      reached: 1,
      share: 0.3333,
      met: false,
    });
    expect(sut.canSetTarget).toBe(true);
    expect(sut.targets.national?.targetShare).toBe(framework.rating.nationalTargetShare);
    const again = await supervisor.put(`/api/lessons/${YEAR}/target`, {
      scope: `province:${P}`,
      threshold: 80,
      share: 1,
    });
    expect(again.statusCode).toBe(200);
    expect((await lessonsOf(supervisor, `province:${P}`)).targets.own).toMatchObject({
      reached: 3,
      met: true,
    });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'lessons_target'), eq(auditLog.entityId, `province:${P}:${YEAR}`)))
      .orderBy(auditLog.seq);
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ['set', null, { threshold: 89, share: 1 }],
      ['set', { threshold: 89, share: 1 }, { threshold: 80, share: 1 }],
    ]);
    const other = await supervisor.put(`/api/lessons/${YEAR}/target`, {
      scope: `province:${Q}`,
      threshold: 89,
      share: 1,
    });
    expect(other.statusCode).toBe(403);
    const bad = await supervisor.put(`/api/lessons/${YEAR}/target`, {
      scope: `province:${P}`,
      threshold: 89,
      share: 1.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await admin.put(`/api/lessons/${YEAR}/target`, { scope: 'province:NOPE', threshold: 1, share: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('downloads the same figures as a workbook with Thai sheets, streamed', async () => {
    const res = await supervisor.get(`/api/lessons/${YEAR}/xlsx?scope=province:${P}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`ita-lessons-province_${P}-${YEAR}.xlsx`);
    // Streamed: written as it is sent, so no length is known up front.
    expect(res.headers['content-length']).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'สรุปผล',
      'ระดับผลการประเมิน',
      'คะแนนรายตัวชี้วัด',
      'ข้อ OIT ที่ไม่ผ่าน',
      'ข้อคำถามที่อ่อน',
      'หน่วยงานต้นแบบ',
      'หน่วยงานที่คะแนนลดลง',
    ]);
    // The publication (1 December 2024, 00:00 UTC) in Bangkok time and the Buddhist Era.
    const summary = wb.getWorksheet('สรุปผล');
    const values = (summary?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(values[0]?.slice(1)).toEqual(['รายการ', 'ค่า']);
    expect(values.find((r) => r[1] === 'วันที่เผยแพร่ผล')?.[2]).toBe('1 ธันวาคม 2567 เวลา 07:00');
    expect(values.find((r) => r[1] === 'ปีงบประมาณ พ.ศ.')?.[2]).toBe(YEAR);
    const heat = wb.getWorksheet('คะแนนรายตัวชี้วัด');
    expect(((heat?.getRow(1).values ?? []) as unknown[]).slice(1, 7)).toEqual([
      'รหัสหน่วยงาน',
      'หน่วยงาน',
      'ประเภท',
      'คะแนนรวม',
      'ระดับผลการประเมิน',
      `ตัวชี้วัดที่ 1 ${framework.indicators[0]?.name.th}`,
    ]);
    expect(heat?.getRow(1).font?.bold).toBe(true);
    expect(heat?.rowCount).toBe(4);
    expect(heat?.getRow(2).getCell(1).value).toBe('LES-A');
    const fell = wb.getWorksheet('หน่วยงานที่คะแนนลดลง');
    expect(fell?.getRow(3).getCell(7).value).toBe('ผลย้อนหลังที่นำเข้า');
  });
});
