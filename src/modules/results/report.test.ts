// The agency's results report on a processed, published run: every figure equals the stored run, questions
// carry the codes ITAS shows with the weakest marked by the core rule, OIT items their components found and
// the assessor's words, the assessors' advice as the run snapshotted it (a later edit changes the next run's
// inputs hash, not the published report), not-processed reasons in words, the previous year from a published
// run over an imported result, the embargo, and an XLSX that opens with exceljs and holds the same figures.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { weakestQuestions } from '../../core/results/report-rules.ts';
import type { Db } from '../../db/client.ts';
import {
  agencyResults,
  assessorAssignments,
  oitReviews,
  oitScores,
  pastResults,
  processingRuns,
  publications,
  stakeholderData,
} from '../../db/schema/index.ts';
import {
  addResponses,
  answerSheet,
  loadFramework,
  participatingAgency,
  variedPick,
  YEAR,
} from '../quality/quality.fixture.testing.ts';
import { resultsOfRun } from './results.repo.ts';
import { processNextRun } from './results.worker.ts';

const HOUR = 3_600_000;

describe('results report', () => {
  let t: TestApp;
  let db: Db;
  let framework: Framework;
  let version: number;
  let A: string;
  let B: string;
  let runId: string;
  const as: Record<string, Client> = {};

  async function populate(agencyId: string, iit: number, counts: Record<string, number>) {
    await db.insert(stakeholderData).values({
      agencyId,
      year: YEAR,
      iitPopulation: iit,
      eitPopulation: 25,
      approvedRevision: 1,
      approvedIitPopulation: iit,
      approvedAt: new Date(),
    });
    let seed = agencyId.charCodeAt(0);
    for (const [instrument, n] of Object.entries(counts))
      await addResponses(
        db,
        agencyId,
        version,
        Array.from({ length: n }, () => ({
          instrument,
          channel: instrument === 'EIT2' ? ('interview' as const) : ('web' as const),
          answers: answerSheet(framework, instrument, 'sao', variedPick(seed++)),
        })),
      );
    await db.insert(oitReviews).values({ agencyId, year: YEAR, status: 'confirmed' });
    for (const [i, item] of framework.oitItems.entries()) {
      const zero = i % 5 === 0;
      await db.insert(oitScores).values({
        agencyId,
        year: YEAR,
        itemCode: item.code,
        score: zero ? 0 : 100,
        componentsFound: zero ? [0] : item.components.map((_, j) => j),
        comment: zero ? `พบเพียงบางส่วน ${item.code}` : null,
        advice: zero ? `เผยแพร่ให้ครบทุกองค์ประกอบ ${item.code}` : null,
      });
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    ({ framework, version } = await loadFramework(db));
    A = (await participatingAgency(db)).id;
    B = (await participatingAgency(db)).id;
    await populate(A, 12, { IIT: 12, EIT1: 25, EIT2: 20 });
    await populate(B, 50, { IIT: 10, EIT1: 25, EIT2: 20 }); // IIT minimum 30: not processed
    const people = {
      admin: { role: 'admin' as const },
      assessor: { role: 'assessor' as const },
      aExec: { role: 'executive' as const, agencyId: A },
      bAdmin: { role: 'agency_admin' as const, agencyId: B },
      supervisor: { role: 'supervisor' as const },
    };
    for (const [name, o] of Object.entries(people)) {
      const user = await makeUser(db, { ...o, username: `rep-${name.toLowerCase()}` });
      if (name === 'assessor')
        await db.insert(assessorAssignments).values({ userId: user.id, agencyId: A, year: YEAR });
      if (name === 'supervisor') await grantScope(db, user.id, { agencyId: A });
      as[name] = await t.signIn(`rep-${name.toLowerCase()}`);
    }
    const advice = await as.assessor?.put(`/api/agencies/${A}/advice/${YEAR}`, {
      entries: [
        { instrument: 'IIT', questionCode: 'i10', issue: 'ประเด็นทรัพย์สิน', advice: 'จัดทำแนวปฏิบัติ' },
        { instrument: 'EIT', questionCode: 'EP4', issue: 'ประเด็นการสื่อสาร', advice: 'เพิ่มช่องทาง' },
        { instrument: 'EIT', questionCode: null, issue: 'ภาพรวม EIT', advice: 'ติดตามผล' },
      ],
      overall: 'ความเห็นโดยรวมของผู้ประเมิน',
    });
    expect(advice?.statusCode).toBe(200);
    // FY2567: imported for A and B; A also has a published run of this system, which wins.
    for (const agencyId of [A, B])
      await db.insert(pastResults).values({
        agencyId,
        year: YEAR - 1,
        total: 80.5,
        ratingCode: 'improve',
        instruments: {},
        indicators: {},
        sourceFile: 'past.csv',
        sourceLine: 2,
        importedAt: new Date(),
      });
    const [earlier] = await db
      .insert(processingRuns)
      .values({
        year: YEAR - 1,
        frameworkVersion: 1,
        kind: 'run',
        scope: 'all',
        status: 'done',
        inputsHash: 'e'.repeat(64),
        finishedAt: new Date(),
      })
      .returning({ id: processingRuns.id });
    await db.insert(agencyResults).values({
      runId: earlier?.id as string,
      agencyId: A,
      total: '90.10',
      ratingCode: 'pass',
      passes: true,
      instruments: {},
      indicators: {},
      indicatorsByInstrument: {},
      questions: {},
      subIndicators: {},
      inputsHash: 'f'.repeat(64),
    });
    await db.insert(publications).values({
      year: YEAR - 1,
      runId: earlier?.id as string,
      publishAt: new Date(t.deps.now().getTime() - HOUR),
    });
    const res = await as.admin?.post(`/api/results/${YEAR}/runs`, { kind: 'run', scope: 'all' });
    runId = res?.json().id;
    expect(await processNextRun(t.deps)).toBe('done');
  });
  afterAll(async () => {
    await t?.close();
  });

  const report = (who: string, agency = A) =>
    (as[who] as Client).get(`/api/agencies/${agency}/results/${YEAR}/report`);

  it('shows nothing before the embargo ends but to NACC (marked embargoed), and the report after', async () => {
    const at = new Date(t.deps.now().getTime() + HOUR);
    expect(
      (await as.admin?.post(`/api/results/${YEAR}/publications`, { runId, publishAt: at.toISOString() }))
        ?.statusCode,
    ).toBe(201);
    for (const who of ['aExec', 'supervisor', 'assessor']) {
      const r = await report(who);
      expect(r.statusCode, who).toBe(404);
      expect(r.json().error.code).toBe('results_not_published');
      expect(
        (await (as[who] as Client).get(`/api/agencies/${A}/results/${YEAR}/report.xlsx`)).statusCode,
      ).toBe(404);
    }
    expect((await report('admin')).json()).toMatchObject({ basis: 'embargoed', runId });
    expect((await report('bAdmin')).statusCode).toBe(403);
    t.clock.set(at);
    for (const who of ['aExec', 'supervisor', 'assessor'])
      expect((await report(who)).json().basis, who).toBe('published');
  });

  it('holds exactly the stored run: totals, instruments, indicators, questions with ITAS codes, weakest marked', async () => {
    const stored = (await resultsOfRun(db, runId)).find((r) => r.agencyId === A);
    if (!stored) throw new Error('no stored result');
    const r = (await report('aExec')).json();
    expect(r).toMatchObject({
      agency: { id: A },
      year: YEAR,
      runId,
      total: Number(stored.total),
      rating: { code: stored.ratingCode },
      passes: stored.passes,
      passThreshold: 85,
      framework: { year: YEAR, version },
      detailsAvailable: true,
    });
    for (const inst of r.instruments) {
      const s = stored.instruments[inst.code];
      expect(inst, inst.code).toMatchObject({
        score: s?.score,
        n: s?.n,
        minimum: s?.minimum,
        marginOfError: s?.marginOfError,
        notProcessed: null,
      });
    }
    expect(r.indicators.map((i: { order: number; instrument: string }) => [i.order, i.instrument])).toEqual([
      [1, 'IIT'],
      [2, 'IIT'],
      [3, 'IIT'],
      [4, 'IIT'],
      [5, 'IIT'],
      [6, 'EIT'],
      [7, 'EIT'],
      [8, 'EIT'],
      [9, 'OIT'],
      [10, 'OIT'],
    ]);
    for (const ind of r.indicators) {
      expect(ind.score).toBe(stored.indicators[ind.code]);
      expect(ind.passes).toBe(ind.score >= 85);
    }
    const byInstrument = (code: string) =>
      r.questions.filter((q: { instrument: string }) => q.instrument === code);
    expect(byInstrument('IIT').map((q: { displayCode: string }) => q.displayCode)).toEqual(
      Array.from({ length: 15 }, (_, i) => `i${i + 1}`),
    );
    expect(byInstrument('EIT1')[1]).toMatchObject({ displayCode: 'ES2', code: 'e2', indicator: '6' });
    expect(byInstrument('EIT2')[3]).toMatchObject({ displayCode: 'EP4', code: 'e4' });
    for (const code of ['IIT', 'EIT1', 'EIT2']) {
      const scores = stored.questions[code] ?? {};
      const expected = weakestQuestions(scores, 85);
      expect(expected.size).toBeGreaterThanOrEqual(3);
      for (const q of byInstrument(code)) {
        expect(q.score).toBe(scores[q.code]);
        expect(q.weakest, `${code} ${q.code}`).toBe(expected.has(q.code));
      }
    }
  });

  it('shows OIT items with the components found, comment and advice, and the assessors’ advice snapshot', async () => {
    const r = (await report('supervisor')).json();
    expect(r.oitItems).toHaveLength(framework.oitItems.length);
    const zero = r.oitItems[0];
    expect(zero).toMatchObject({
      code: 'o1',
      displayCode: 'o1',
      score: 0,
      comment: 'พบเพียงบางส่วน o1',
      advice: 'เผยแพร่ให้ครบทุกองค์ประกอบ o1',
    });
    expect(zero.components.map((c: { found: boolean }) => c.found)).toEqual(
      framework.oitItems[0]?.components.map((_, j) => j === 0),
    );
    expect(r.oitItems[1]).toMatchObject({ score: 100, comment: null, advice: null });
    expect(r.oitItems[1].components.every((c: { found: boolean }) => c.found)).toBe(true);
    expect(r.advice).toEqual({
      iit: [
        {
          instrument: 'IIT',
          questionCode: 'i10',
          questionText: expect.objectContaining({ th: expect.any(String) }),
          issue: 'ประเด็นทรัพย์สิน',
          advice: 'จัดทำแนวปฏิบัติ',
        },
      ],
      eit: [
        {
          instrument: 'EIT',
          questionCode: 'EP4',
          questionText: expect.objectContaining({ th: expect.any(String) }),
          issue: 'ประเด็นการสื่อสาร',
          advice: 'เพิ่มช่องทาง',
        },
        { instrument: 'EIT', questionCode: null, questionText: null, issue: 'ภาพรวม EIT', advice: 'ติดตามผล' },
      ],
      overall: 'ความเห็นโดยรวมของผู้ประเมิน',
    });
  });

  it('compares with the previous year: a published run over an imported result', async () => {
    const a = (await report('aExec')).json();
    expect(a.previous).toMatchObject({
      year: YEAR - 1,
      total: 90.1,
      source: 'run',
      rating: { code: 'pass', th: 'ผ่าน' },
    });
    expect(a.difference).toBe(Math.round((a.total - 90.1) * 100) / 100);
    expect(a.history.map((h: { year: number; source: string }) => [h.year, h.source])).toEqual([
      [YEAR - 1, 'run'],
      [YEAR, 'run'],
    ]);
    const b = (await report('bAdmin', B)).json();
    expect(b.previous).toMatchObject({
      year: YEAR - 1,
      total: 80.5,
      source: 'imported',
      rating: { code: 'improve' },
    });
    expect(b.difference).toBe(Math.round((b.total - 80.5) * 100) / 100);
  });

  it('says why an instrument was not processed, in Thai and English', async () => {
    const b = (await report('bAdmin', B)).json();
    const iit = b.instruments.find((i: { code: string }) => i.code === 'IIT');
    expect(iit).toMatchObject({
      score: null,
      n: 10,
      minimum: 30,
      notProcessed: {
        code: 'minimum_sample',
        th: expect.stringContaining('ขั้นต่ำ'),
        en: expect.stringContaining('minimum'),
      },
    });
    expect(b.questions.some((q: { instrument: string }) => q.instrument === 'IIT')).toBe(false);
    expect(b.indicators.find((i: { code: string }) => i.code === '1')).toMatchObject({
      score: null, // an instrument not processed scores none of its indicators
      passes: null,
    });
    expect(b.advice).toEqual({ iit: [], eit: [], overall: null });
  });

  it('keeps the published report when the advice changes; the change is a new input of the next run', async () => {
    const before = (await report('aExec')).json();
    const put = await as.assessor?.put(`/api/agencies/${A}/advice/${YEAR}`, {
      entries: [],
      overall: 'แก้ไขแล้ว',
    });
    expect(put?.statusCode).toBe(200);
    expect((await report('aExec')).json().advice).toEqual(before.advice);
    const res = await as.admin?.post(`/api/results/${YEAR}/runs`, { kind: 'run', scope: 'all' });
    expect(await processNextRun(t.deps)).toBe('done');
    const next = res?.json().id as string;
    const hashes = async (run: string) =>
      new Map((await resultsOfRun(db, run)).map((r) => [r.agencyId, r.inputsHash]));
    const [h1, h2] = [await hashes(runId), await hashes(next)];
    expect(h2.get(A)).not.toBe(h1.get(A));
    expect(h2.get(B)).toBe(h1.get(B));
    const changes = (
      await as.admin?.get(`/api/results/${YEAR}/runs/${next}/changes?against=${runId}`)
    )?.json();
    expect(changes.items).toEqual([]); // same scores: only the advice moved
  });

  it('downloads one XLSX that opens and holds the same figures, Thai headers and Buddhist-Era dates', async () => {
    const r = (await report('aExec')).json();
    const res = await as.aExec?.get(`/api/agencies/${A}/results/${YEAR}/report.xlsx`);
    expect(res?.statusCode).toBe(200);
    expect(res?.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res?.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'สรุปผล',
      'ตัวชี้วัด',
      'เครื่องมือ',
      'IIT รายข้อ',
      'EIT รายข้อ',
      'OIT รายข้อ',
      'ข้อเสนอแนะ',
    ]);
    const summary = wb.getWorksheet('สรุปผล');
    const value = (label: string) =>
      summary?.getSheetValues().find((row) => Array.isArray(row) && row[1] === label) as
        | unknown[]
        | undefined;
    expect(value('คะแนนรวม')?.[2]).toBe(r.total);
    expect(value('ระดับผลการประเมิน')?.[2]).toBe(r.rating.th);
    expect(String(value('วันที่เผยแพร่')?.[2])).toMatch(/25[6-9][0-9]/); // Buddhist Era
    const indicators = wb.getWorksheet('ตัวชี้วัด');
    expect(indicators?.getRow(1).values).toEqual([
      undefined,
      'ลำดับ',
      'เครื่องมือ',
      'ตัวชี้วัด',
      'คะแนน',
      'ผลการประเมิน',
    ]);
    for (const [i, ind] of r.indicators.entries()) {
      const row = indicators?.getRow(i + 2);
      expect(row?.getCell(4).value).toBe(ind.score);
      expect(row?.getCell(5).value).toBe(ind.passes ? 'ผ่านเกณฑ์' : 'ไม่ผ่านเกณฑ์');
    }
    const iit = wb.getWorksheet('IIT รายข้อ');
    expect(iit?.rowCount).toBe(
      1 + r.questions.filter((q: { instrument: string }) => q.instrument === 'IIT').length,
    );
    expect(wb.getWorksheet('EIT รายข้อ')?.getRow(2).getCell(1).value).toBe('ES1');
    expect(wb.getWorksheet('OIT รายข้อ')?.rowCount).toBe(1 + framework.oitItems.length);
  });
});
