// The weakest IIT and EIT questions of a scope, through the route, from a real processing run: agencies answer
// the bundled FY2568 questionnaires (enough responses to be processed and shown), the year is processed and
// published, and lessons learned lists the questions most agencies scored below the pass mark with how many
// agencies failed each — per survey instrument, under the codes ITAS shows (i4, ES2, EP2). An agency whose
// IIT has 3 responses is withheld by the small-group rule: none of its survey figures (IIT, nor EIT withheld
// with it) counts, though it fails every question.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { minimumSample } from '../../core/scoring/index.ts';
import { buildQuestionnaire, questionsOf } from '../../core/surveys/index.ts';
import type { Db } from '../../db/client.ts';
import { oitReviews, oitScores, stakeholderData } from '../../db/schema/index.ts';
import {
  addResponses,
  loadFramework,
  participatingAgency,
  YEAR,
} from '../quality/quality.fixture.testing.ts';
import { processNextRun } from '../results/results.worker.ts';
import type { Lessons } from './lessons.schema.ts';

const R = 'TH-LESQ';
/** The staff and service users each agency declares: IIT and EIT part 1 need all of them under 30. */
const POPULATION = 5;
/** The small group: 3 staff, all of whom answer (processed, but under 5 responses). */
const SMALL = 3;

describe('lessons learned: weakest questions from a processed year', () => {
  let t: TestApp;
  let db: Db;
  let framework: Framework;
  let version: number;
  let admin: Client;

  /**
   * An answer sheet giving every answer item the option that scores 100, except the questions in `weak`
   * (framework codes), whose items get the one that scores 0 (a reversed item scores 100 − its option's).
   */
  function sheet(instrument: string, weak: ReadonlySet<string>) {
    const questionOf = new Map(framework.questions.map((q) => [q.code, q]));
    const options = new Map(framework.scales.map((s) => [s.code, s.options]));
    const answers: Record<string, string | Record<string, string>> = {};
    for (const { code } of questionsOf(buildQuestionnaire(framework, instrument, 'sao'))) {
      const q = questionOf.get(code);
      if (!q) throw new Error(`no question ${code}`);
      const ranked = [...(options.get(q.scale) ?? [])].sort((a, b) => a.score - b.score);
      const choose = (polarity: 'positive' | 'reversed') =>
        ((weak.has(code) === (polarity === 'positive') ? ranked[0] : ranked.at(-1))?.value ?? '') as string;
      answers[code] = q.subItems.length
        ? Object.fromEntries(q.subItems.map((s) => [s.code, choose(s.polarity ?? q.polarity)]))
        : choose(q.polarity);
    }
    return answers;
  }

  /** An agency of R with its numbers approved, the minimum of responses per survey instrument, OIT confirmed. */
  async function agency(code: string, iitPopulation: number, weak: Record<string, string[]>) {
    const { id } = await participatingAgency(db, { provinceCode: R, code });
    await db.insert(stakeholderData).values({
      agencyId: id,
      year: YEAR,
      iitPopulation,
      eitPopulation: POPULATION,
      approvedRevision: 1,
      approvedIitPopulation: iitPopulation,
      approvedAt: new Date(),
    });
    for (const instrument of ['IIT', 'EIT1', 'EIT2']) {
      const n = minimumSample(framework, instrument, {
        population: instrument === 'IIT' ? iitPopulation : POPULATION,
      });
      const answers = sheet(instrument, new Set(weak[instrument] ?? []));
      await addResponses(
        db,
        id,
        version,
        Array.from({ length: n }, () => ({
          instrument,
          channel: instrument === 'EIT2' ? ('interview' as const) : ('web' as const),
          answers,
        })),
      );
    }
    await db.insert(oitReviews).values({ agencyId: id, year: YEAR, status: 'confirmed' });
    await db.insert(oitScores).values(
      framework.oitItems.map((item) => ({
        agencyId: id,
        year: YEAR,
        itemCode: item.code,
        score: 100,
        componentsFound: item.components.map((_, j) => j),
      })),
    );
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.deps.db;
    ({ framework, version } = await loadFramework(db));
    await makeProvince(db, { code: R });
    const every = (instrument: string) =>
      framework.questions.filter((q) => q.display?.[instrument]).map((q) => q.code);
    await agency('LESQ-X', POPULATION, { IIT: ['i4', 'i7'], EIT1: ['e2'], EIT2: ['e2', 'e5'] });
    await agency('LESQ-Y', POPULATION, { IIT: ['i4'], EIT1: ['e2'], EIT2: ['e2'] });
    await agency('LESQ-Z', POPULATION, {});
    // Fails every question, but its IIT has 3 responses: withheld, and its EIT with it.
    await agency('LESQ-W', SMALL, { IIT: every('IIT'), EIT1: every('EIT1'), EIT2: every('EIT2') });
    await makeUser(db, { role: 'admin', username: 'lesq-admin' });
    admin = await t.signIn('lesq-admin');
    const run = await admin.post(`/api/results/${YEAR}/runs`, { kind: 'run', scope: 'all' });
    expect(run.statusCode, run.body).toBe(202);
    expect(await processNextRun(t.deps)).toBe('done');
    const published = await admin.post(`/api/results/${YEAR}/publications`, { runId: run.json().id });
    expect(published.statusCode, published.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const lessons = async () => {
    const res = await admin.get(`/api/lessons/${YEAR}?scope=province:${R}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Lessons;
  };

  it('lists the weakest IIT and EIT questions with how many agencies failed each, under ITAS codes', async () => {
    const sut = await lessons();
    expect(sut.questions.map((q) => [q.instrument, q.code, q.failed, q.assessed])).toEqual([
      ['IIT', 'i4', 2, 3],
      ['IIT', 'i7', 1, 3],
      ['EIT1', 'ES2', 2, 3],
      ['EIT2', 'EP2', 2, 3],
      ['EIT2', 'EP5', 1, 3],
    ]);
    const i4 = framework.questions.find((q) => q.code === 'i4');
    expect(sut.questions[0]).toMatchObject({ indicator: i4?.indicator, text: { th: i4?.text.th } });
  });

  it('counts nothing of an agency under 5 responses, though it is in the scope and failed every question', async () => {
    const sut = await lessons();
    const w = sut.heatmap.rows.find((r) => r.agency.code === 'LESQ-W');
    expect(w).toBeDefined();
    const surveyIndicators = new Set(
      framework.instruments.filter((i) => i.collection !== 'open_data').flatMap((i) => i.indicators),
    );
    sut.heatmap.indicators.forEach((ind, i) => {
      if (surveyIndicators.has(ind.code)) expect(w?.cells[i], ind.code).toBeNull();
      else expect(w?.cells[i], ind.code).toBe(100);
    });
    // Shown agencies' cells are there: the withholding is W's, not everyone's.
    const z = sut.heatmap.rows.find((r) => r.agency.code === 'LESQ-Z');
    expect(z?.cells.every((c) => c === 100)).toBe(true);
  });

  it('puts the same questions in the workbook', async () => {
    const res = await admin.get(`/api/lessons/${YEAR}/xlsx?scope=province:${R}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('ข้อคำถามที่อ่อน')?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual([
      'เครื่องมือ',
      'ข้อ',
      'ตัวชี้วัด',
      'ข้อคำถาม',
      'จำนวนหน่วยงานที่ต่ำกว่าเกณฑ์',
      'จำนวนหน่วยงาน',
      'คะแนนเฉลี่ย',
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[5], r[6]])).toEqual([
      ['IIT', 'i4', 2, 3],
      ['IIT', 'i7', 1, 3],
      ['EIT1', 'ES2', 2, 3],
      ['EIT2', 'EP2', 2, 3],
      ['EIT2', 'EP5', 1, 3],
    ]);
  });
});
