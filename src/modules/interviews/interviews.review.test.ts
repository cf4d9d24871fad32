import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import type { Questionnaire } from '../../core/surveys/index.ts';
import { auditLog, eit2Interviews, heldResponses, surveyResponses } from '../../db/schema/index.ts';
import { countedResponses } from '../responses/index.ts';
import {
  type CollectionFixture,
  collectionApp,
  collectionFixture,
  entry,
  validAnswers,
  YEAR,
} from './interviews.fixture.testing.ts';
import type { Interview, SampleView } from './interviews.schema.ts';

describe('reviewing EIT part-2 interviews', () => {
  let t: TestApp;
  let f: CollectionFixture;
  let selected: string[];
  let answers: Record<string, unknown>;
  let next = 0;

  const enter = async (outcome: 'completed' | 'refused' = 'completed') => {
    const contact = selected[next++] as string;
    const res = await f.interviewer.post(
      `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
      entry(t, contact, outcome, outcome === 'completed' ? answers : undefined),
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Interview>();
  };
  const eit2Count = async () => (await countedResponses(t.deps.db, f.agencyId, YEAR)).EIT2 ?? 0;
  const stored = async (id: string) =>
    (await t.deps.db.select().from(eit2Interviews).where(eq(eit2Interviews.id, id)))[0];

  beforeAll(async () => {
    t = await collectionApp();
    f = await collectionFixture(t);
    const view = (
      await f.interviewer.post(`/api/agencies/${f.agencyId}/eit2/${YEAR}/sample`)
    ).json<SampleView>();
    selected = view.sample?.contacts.filter((c) => c.role === 'selected').map((c) => c.id) ?? [];
    const q = await f.interviewer.get(`/api/interviews/${f.agencyId}/${YEAR}/questionnaire`);
    answers = validAnswers(q.json<Questionnaire>());
  });
  afterAll(() => t.close());

  it('does not let the interviewer review their own interview (four eyes), and explains why', async () => {
    const i = await enter();
    const res = await f.interviewer.post(`/api/interviews/${i.id}/approve`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'four_eyes', th: expect.stringContaining('สี่ตา') });
    const reject = await f.interviewer.post(`/api/interviews/${i.id}/reject`, { reason: 'ขอแก้ไข' });
    expect(reject.json().error.code).toBe('four_eyes');
    expect((await stored(i.id))?.status).toBe('entered');
  });

  it('counts an interview only once approved, as exactly one response, even when approved twice', async () => {
    const i = await enter();
    expect(await eit2Count()).toBe(0);
    const first = await f.supervisor.post(`/api/interviews/${i.id}/approve`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Interview>()).toMatchObject({
      status: 'approved',
      pendingAnswers: null,
      canReview: false,
    });
    expect(await eit2Count()).toBe(1);

    const again = await f.admin.post(`/api/interviews/${i.id}/approve`);
    expect(again.statusCode).toBe(200);
    expect(await eit2Count()).toBe(1);

    // Held until a batch is released: nothing in survey_responses yet, one held row.
    const released = () =>
      t.deps.db
        .select()
        .from(surveyResponses)
        .where(and(eq(surveyResponses.agencyId, f.agencyId), eq(surveyResponses.instrument, 'EIT2')));
    expect(await released()).toEqual([]);
    expect(
      await t.deps.db.select().from(heldResponses).where(eq(heldResponses.agencyId, f.agencyId)),
    ).toEqual([
      expect.objectContaining({ channel: 'interview', durationBand: null, answers, frameworkVersion: 1 }),
    ]);
    expect((await stored(i.id))?.pendingAnswers).toBeNull();
  });

  it('creates no response on rejection, keeps the reason and removes the answers', async () => {
    const before = await eit2Count();
    const i = await enter();
    const res = await f.supervisor.post(`/api/interviews/${i.id}/reject`, { reason: 'เสียงไม่ชัด ต้องโทรใหม่' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Interview>()).toMatchObject({ status: 'rejected', reviewReason: 'เสียงไม่ชัด ต้องโทรใหม่' });
    expect(await eit2Count()).toBe(before);
    expect((await stored(i.id))?.pendingAnswers).toBeNull();
    const approve = await f.supervisor.post(`/api/interviews/${i.id}/approve`);
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe('interview_already_reviewed');
  });

  it('needs a reason to reject', async () => {
    const i = await enter();
    const res = await f.supervisor.post(`/api/interviews/${i.id}/reject`, { reason: '   ' });
    expect(res.statusCode).toBe(400);
    expect((await stored(i.id))?.status).toBe('entered');
  });

  it('approves an interview that did not happen without recording a response', async () => {
    const before = await eit2Count();
    const i = await enter('refused');
    const res = await f.supervisor.post(`/api/interviews/${i.id}/approve`);
    expect(res.json<Interview>().status).toBe('approved');
    expect(await eit2Count()).toBe(before);
  });

  it('lets a contact whose interview was rejected be interviewed again', async () => {
    const i = await enter();
    await f.supervisor.post(`/api/interviews/${i.id}/reject`, { reason: 'บันทึกผิดคน' });
    const redo = await f.interviewer.post(
      `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
      entry(t, i.contact.id, 'completed', answers),
    );
    expect(redo.statusCode, redo.body).toBe(200);
  });

  it('audits entry and review without the answers', async () => {
    const i = await enter();
    await f.supervisor.post(`/api/interviews/${i.id}/approve`);
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, i.id));
    expect(entries.map((e) => e.action)).toEqual(['enter', 'approve']);
    const text = JSON.stringify(entries.map((e) => [e.before, e.after]));
    expect(text).not.toMatch(/answers|"e1"|"e2"/i);
    // Nor the interview's times: with the day they picked interviews' answers out of the responses.
    expect(text).not.toMatch(/startedAt|endedAt|duration/i);
  });
});
