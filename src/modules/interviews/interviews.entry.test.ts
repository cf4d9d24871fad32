import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/helpers/app.ts';
import { assign, makeUser } from '../../../test/helpers/factories.ts';
import type { Questionnaire } from '../../core/surveys/index.ts';
import { users } from '../../db/schema/index.ts';
import {
  type CollectionFixture,
  collectionApp,
  collectionFixture,
  entry,
  validAnswers,
  YEAR,
} from './interviews.fixture.testing.ts';
import type { Interview, SampleView } from './interviews.schema.ts';

describe('entering an EIT part-2 interview', () => {
  let t: TestApp;
  let f: CollectionFixture;
  let selected: string[];
  let reserves: string[];
  let answers: Record<string, unknown>;
  const enter = (body: unknown) =>
    f.interviewer.post(`/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`, body);

  beforeAll(async () => {
    t = await collectionApp();
    f = await collectionFixture(t);
    const view = (
      await f.interviewer.post(`/api/agencies/${f.agencyId}/eit2/${YEAR}/sample`)
    ).json<SampleView>();
    selected = view.sample?.contacts.filter((c) => c.role === 'selected').map((c) => c.id) ?? [];
    reserves = view.sample?.contacts.filter((c) => c.role === 'reserve').map((c) => c.id) ?? [];
    const q = await f.interviewer.get(`/api/interviews/${f.agencyId}/${YEAR}/questionnaire`);
    answers = validAnswers(q.json<Questionnaire>());
  });
  afterAll(() => t.close());

  it('gives the interviewer the EIT part-2 questionnaire', async () => {
    const q = (
      await f.interviewer.get(`/api/interviews/${f.agencyId}/${YEAR}/questionnaire`)
    ).json<Questionnaire>();
    expect(q.instrument.code).toBe('EIT2');
    expect(q.groups.flatMap((g) => g.questions).map((x) => x.code)).toContain('e1');
  });

  it('records a completed interview with its answers waiting for review', async () => {
    const res = await enter(entry(t, selected[0] as string, 'completed', answers));
    expect(res.statusCode, res.body).toBe(200);
    const i = res.json<Interview>();
    expect(i).toMatchObject({
      status: 'entered',
      outcome: 'completed',
      durationSeconds: 600,
      canReview: false,
    });
    expect(i.pendingAnswers).toEqual(answers);
    expect(i.contact.phone).toMatch(/^\+66/);
    expect(i.paradata.questionDurations).toEqual({ e1: 20, e2: 31.5 });
  });

  it('requires answers for a completed interview', async () => {
    const res = await enter(entry(t, selected[1] as string, 'completed'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('answers_required');
  });

  it('rejects an incomplete or invalid answer sheet, naming each problem', async () => {
    const { e1: _dropped, ...partial } = answers;
    const res = await enter(entry(t, selected[1] as string, 'completed', { ...partial, e2: 'nonsense' }));
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details.problems as { code: string; questionCode: string }[];
    expect(problems.map((p) => [p.code, p.questionCode])).toEqual([
      ['unanswered', 'e1'],
      ['unknown_option', 'e2'],
    ]);
  });

  it('forbids answers when the call did not lead to an interview', async () => {
    const res = await enter(entry(t, selected[1] as string, 'refused', answers));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('answers_not_allowed');
  });

  it('accepts only contacts of the sample, and reserves once released', async () => {
    const outsider = f.contactIds.find((id) => !selected.includes(id) && !reserves.includes(id)) as string;
    const a = await enter(entry(t, outsider, 'refused'));
    expect(a.statusCode).toBe(409);
    expect(a.json().error.code).toBe('contact_not_sampled');
    const b = await enter(entry(t, reserves[0] as string, 'refused'));
    expect(b.json().error.code).toBe('reserve_not_released');
  });

  it('records one outcome per contact', async () => {
    expect((await enter(entry(t, selected[2] as string, 'unreachable'))).statusCode).toBe(200);
    const again = await enter(entry(t, selected[2] as string, 'refused'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('contact_already_interviewed');
  });

  it('checks the times', async () => {
    const body = entry(t, selected[3] as string, 'refused');
    const backwards = await enter({ ...body, startedAt: body.endedAt, endedAt: body.startedAt });
    expect(backwards.json().error.code).toBe('invalid_interview_times');
    const future = new Date(t.deps.now().getTime() + 3_600_000).toISOString();
    expect((await enter({ ...body, endedAt: future })).json().error.code).toBe('invalid_interview_times');
  });

  it('lists interviews by status for the assessors, with who may review them', async () => {
    const list = await f.supervisor.get(`/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews?status=entered`);
    const items = list.json<{ items: Interview[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((i) => i.status === 'entered' && i.canReview)).toBe(true);
    const own = await f.interviewer.get(`/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`);
    expect(own.json<{ items: Interview[] }>().items.every((i) => !i.canReview)).toBe(true);
  });

  it('refuses an assessor assigned to the agency for another year only', async () => {
    const lastYear = await makeUser(t.deps.db, { role: 'assessor' });
    await assign(t.deps.db, lastYear.id, f.agencyId, YEAR - 1);
    const client = await t.signIn(lastYear.username);
    const res = await client.post(
      `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
      entry(t, selected[4] as string, 'refused'),
    );
    expect(res.statusCode).toBe(403);
  });

  it('takes interviews only within the agency’s EIT collection stage; an extension reopens it', async () => {
    // FY2568's EIT collection ends on 30 June 2025 (Bangkok).
    t.clock.set(new Date('2025-07-10T03:00:00Z'));
    const interviewer = await t.signIn(await usernameOf(t, f.interviewerId));
    const late = await interviewer.post(
      `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
      entry(t, selected[5] as string, 'refused'),
    );
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'eit_collection_closed']);
    const admin = await t.signIn(await usernameOf(t, (await makeUser(t.deps.db, { role: 'admin' })).id));
    const ext = await admin.put(`/api/agencies/${f.agencyId}/calendar/${YEAR}/extensions/eit_collection`, {
      endsOn: '2025-07-31',
      reason: 'สัมภาษณ์ไม่ทัน',
    });
    expect(ext.statusCode).toBe(200);
    const inTime = await interviewer.post(
      `/api/agencies/${f.agencyId}/eit2/${YEAR}/interviews`,
      entry(t, selected[5] as string, 'refused'),
    );
    expect(inTime.statusCode, inTime.body).toBe(200);
  });
});

async function usernameOf(t: TestApp, id: string): Promise<string> {
  const [u] = await t.deps.db.select({ username: users.username }).from(users).where(eq(users.id, id));
  return u?.username as string;
}
