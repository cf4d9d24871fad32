// The assessor's to-do list comes and goes with the work, driven through the real API: OIT scoring in its
// stage, clarifications to decide and scores to confirm in the confirmation stage (assessment fixture); EIT
// part-2 interviews to collect and review, and flagged responses to keep or exclude (collection fixture).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../test/helpers/app.ts';
import { assign, makeUser } from '../../../test/helpers/factories.ts';
import {
  type CollectionFixture,
  collectionFixture,
  entry,
  validAnswers,
} from '../interviews/interviews.fixture.testing.ts';
import {
  approvedAgency,
  assessmentApp,
  DURING,
  type OitAssessmentFixture,
  scoreAndSubmit,
  scoreBody,
  YEAR,
} from '../oit/assessment.fixture.testing.ts';
import { insertReleased } from '../responses/index.ts';
import type { TodoItem } from './monitoring.schema.ts';

async function todo(client: Client): Promise<TodoItem[]> {
  const res = await client.get(`/api/monitoring/todo?year=${YEAR}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as TodoItem[];
}
const ofKind = (items: TodoItem[], kind: TodoItem['kind']) => items.filter((i) => i.kind === kind);

describe('the assessor’s OIT to-do', () => {
  let t: TestApp;
  let f: OitAssessmentFixture;
  const base = () => `/api/agencies/${f.agencyId}/oit/${YEAR}`;
  const code = (n: number) => (f.items[n] as { code: string }).code;
  const assessLink = () => `/agencies/${f.agencyId}/oit/${YEAR}/assess`;

  beforeAll(async () => {
    t = await assessmentApp();
    f = await approvedAgency(t);
  });
  afterAll(() => t?.close());

  it('lists nothing to score before the scoring stage, though every answer is approved', async () => {
    await f.at(DURING.answering);
    expect(await todo(f.assessor)).toEqual([]);
  });

  it('lists the items left to score in the scoring stage, fewer as they are scored, none once all are', async () => {
    await f.at(DURING.scoring);
    expect(await todo(f.assessor)).toEqual([
      expect.objectContaining({
        kind: 'score_oit',
        task: 'oit_scoring',
        stage: 'oit_scoring',
        count: f.items.length,
        deadline: '2025-06-06',
        link: assessLink(),
        agency: expect.objectContaining({ id: f.agencyId }),
      }),
    ]);
    for (const item of f.items.slice(0, -1)) {
      const res = await f.assessor.put(`${base()}/items/${item.code}/score`, scoreBody(item, 100));
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(ofKind(await todo(f.assessor), 'score_oit')).toEqual([expect.objectContaining({ count: 1 })]);
    await scoreAndSubmit(f, [code(0), code(1), code(2)]);
    expect(await todo(f.assessor)).toEqual([]);
  });

  it('does not list clarifications while the agency files them: they are decided in the confirmation stage', async () => {
    await f.at(DURING.clarification);
    for (const n of [0, 1]) {
      const res = await f.agencyAdmin.post(`${base()}/items/${code(n)}/clarification`, {
        explanation: 'ข้อมูลอยู่ในหน้าที่ผู้บริหารอนุมัติ',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await todo(f.assessor)).toEqual([]);
  });

  it('lists the clarifications to decide and the scores to confirm; each goes once done', async () => {
    await f.at(DURING.confirmation);
    const items = await todo(f.assessor);
    expect(items.map((i) => [i.kind, i.count, i.link])).toEqual([
      ['decide_clarifications', 2, assessLink()],
      ['confirm_oit', f.items.length, assessLink()],
    ]);
    expect(items[0]).toMatchObject({ stage: 'confirmation', deadline: '2025-07-04' });
    const decide = (n: number, body: unknown) =>
      f.assessor.post(`${base()}/items/${code(n)}/clarification/decision`, body);
    expect((await decide(0, { decision: 'accepted' })).statusCode).toBe(200);
    expect(ofKind(await todo(f.assessor), 'decide_clarifications')).toEqual([
      expect.objectContaining({ count: 1 }),
    ]);
    const rejected = await decide(1, { decision: 'rejected', reason: 'ไม่พบข้อมูลในหน้าที่อนุมัติ' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((await todo(f.assessor)).map((i) => i.kind)).toEqual(['confirm_oit']);
    const confirmed = await f.assessor.post(`${base()}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await todo(f.assessor)).toEqual([]);
  });
});

describe('the assessor’s EIT part-2 and response-quality to-do', () => {
  let t: TestApp;
  let f: CollectionFixture;
  let answers: Record<string, unknown>;
  let selected: string[];
  /** An assessor assigned the agency for the year before only: in scope, but not this year's assessor. */
  let lastYears: Client;
  const sample = () => `/api/agencies/${f.agencyId}/eit2/${YEAR}`;

  beforeAll(async () => {
    t = await assessmentApp();
    f = await collectionFixture(t);
    const user = await makeUser(t.deps.db, { role: 'assessor' });
    await assign(t.deps.db, user.id, f.agencyId, YEAR - 1);
    lastYears = await t.signIn(user.username);
  });
  afterAll(() => t?.close());

  it('lists the interviews to collect in the EIT collection stage, to the assessors of this year only', async () => {
    expect(await todo(lastYears)).toEqual([]);
    expect(await todo(f.interviewer)).toEqual([
      expect.objectContaining({
        kind: 'collect_interviews',
        task: 'eit2',
        stage: 'eit_collection',
        count: 20,
        link: '/interviews',
        agency: expect.objectContaining({ id: f.agencyId }),
      }),
    ]);
  });

  it('lists an entered interview to review until it is reviewed, and one fewer to collect once approved', async () => {
    const drawn = await f.interviewer.post(`${sample()}/sample`);
    expect(drawn.statusCode, drawn.body).toBe(200);
    selected = drawn
      .json()
      .sample.contacts.filter((c: { role: string }) => c.role === 'selected')
      .map((c: { id: string }) => c.id);
    const q = await f.interviewer.get(`/api/interviews/${f.agencyId}/${YEAR}/questionnaire`);
    answers = validAnswers(q.json());
    const entered = await f.interviewer.post(
      `${sample()}/interviews`,
      entry(t, selected[0] as string, 'completed', answers),
    );
    expect(entered.statusCode, entered.body).toBe(200);
    // Not to the interviewer (four eyes), nor to last year's assessor.
    expect(ofKind(await todo(f.interviewer), 'review_interviews')).toEqual([]);
    expect(ofKind(await todo(lastYears), 'review_interviews')).toEqual([]);
    expect(ofKind(await todo(f.supervisor), 'review_interviews')).toEqual([
      expect.objectContaining({
        count: 1,
        link: '/interviews',
        agency: expect.objectContaining({ id: f.agencyId }),
      }),
    ]);
    const approved = await f.supervisor.post(`/api/interviews/${entered.json().id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const after = await todo(f.supervisor);
    expect(ofKind(after, 'review_interviews')).toEqual([]);
    expect(ofKind(after, 'collect_interviews')).toEqual([expect.objectContaining({ count: 19 })]);
  });

  it('lists no interviews to collect once the minimum is counted', async () => {
    const response = {
      agencyId: f.agencyId,
      year: YEAR,
      instrument: 'EIT2',
      frameworkVersion: 1,
      answers,
      durationBand: null,
      channel: 'interview' as const,
      submittedOn: '2025-02-27',
    };
    await insertReleased(
      t.deps.db,
      Array.from({ length: 19 }, () => ({ ...response })),
    );
    expect(ofKind(await todo(f.supervisor), 'collect_interviews')).toEqual([]);
  });

  it('lists the flagged responses to keep or exclude, as many as the quality page shows, until decided', async () => {
    const response = {
      agencyId: f.agencyId,
      year: YEAR,
      instrument: 'IIT',
      frameworkVersion: 1,
      answers: {},
      durationBand: 4,
      channel: 'web' as const,
      submittedOn: '2025-02-21',
    };
    await insertReleased(
      t.deps.db,
      Array.from({ length: 6 }, () => ({ ...response })),
    );
    const report = (await f.admin.get(`/api/agencies/${f.agencyId}/quality/${YEAR}`)).json();
    const undecided = (report.responses as { id: string; flags: unknown[]; review: unknown }[]).filter(
      (r) => r.flags.length > 0 && !r.review,
    );
    expect(undecided.length).toBeGreaterThanOrEqual(6);
    expect(ofKind(await todo(f.interviewer), 'decide_flags')).toEqual([
      expect.objectContaining({
        count: undecided.length,
        task: null,
        stage: null,
        link: `/quality?agency=${f.agencyId}&year=${YEAR}`,
        agency: expect.objectContaining({ id: f.agencyId }),
      }),
    ]);
    const kept = await f.interviewer.post(`/api/agencies/${f.agencyId}/quality/${YEAR}/reviews`, {
      responseIds: undecided.slice(1).map((r) => r.id),
      decision: 'keep',
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(ofKind(await todo(f.interviewer), 'decide_flags')).toEqual([
      expect.objectContaining({ count: 1 }),
    ]);
    const last = await f.interviewer.put(`/api/responses/${undecided[0]?.id}/review`, {
      decision: 'exclude',
      reason: 'ส่งซ้ำ',
    });
    expect(last.statusCode, last.body).toBe(200);
    expect(ofKind(await todo(f.interviewer), 'decide_flags')).toEqual([]);
  });

  it('asks for flags only over the agencies assigned for the year (the cheap form), not every year’s', async () => {
    const response = {
      agencyId: f.agencyId,
      year: YEAR,
      instrument: 'IIT',
      frameworkVersion: 1,
      answers: {},
      durationBand: 4,
      channel: 'web' as const,
      submittedOn: '2025-02-22',
    };
    await insertReleased(t.deps.db, [response, { ...response }]);
    const previous = lastYears;
    // The quality page's own list still shows the agency to them (their scope); the home page does not.
    const waiting = (await previous.get(`/api/monitoring/waiting/quality?year=${YEAR}`)).json();
    expect(waiting.agencies.map((a: { agency: { id: string } }) => a.agency.id)).toEqual([f.agencyId]);
    expect(ofKind(await todo(previous), 'decide_flags')).toEqual([]);
    expect(ofKind(await todo(f.interviewer), 'decide_flags')).toEqual([
      expect.objectContaining({ count: 2 }),
    ]);
  });
});
