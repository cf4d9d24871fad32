import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import { auditLog, responseReviews } from '../../db/schema/index.ts';
import { QUALITY_BULK_MAX } from '../../shared/limits.ts';
import { sessions } from '../agencies/agencies.fixture.testing.ts';
import {
  addResponses,
  answerSheet,
  loadFramework,
  participatingAgency,
  variedPick,
  YEAR,
} from './quality.fixture.testing.ts';

describe('deciding many flagged responses at once', () => {
  let t: TestApp;
  let as: ReturnType<typeof sessions>;
  let agencyId: string;
  let mine: string[];
  let others: string[];
  const url = () => `/api/agencies/${agencyId}/quality/${YEAR}/reviews`;

  beforeAll(async () => {
    t = await createTestApp();
    as = sessions(t);
    const db = t.deps.db;
    const { framework, version } = await loadFramework(db);
    const province = await makeProvince(db);
    const agency = await participatingAgency(db, { provinceCode: province.code });
    const other = await participatingAgency(db, { provinceCode: province.code });
    agencyId = agency.id;
    const assessor = await makeUser(db, { role: 'assessor', username: 'qb-assessor' });
    await assign(db, assessor.id, agencyId, YEAR);
    const sheet = (i: number) => answerSheet(framework, 'IIT', agency.type, variedPick(i));
    const specs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ answers: sheet(i), durationSeconds: 20 }));
    mine = await addResponses(db, agencyId, version, specs(5));
    others = await addResponses(db, other.id, version, specs(1));
  });
  afterAll(() => t.close());

  const reviewsOf = (ids: string[]) =>
    t.deps.db.select().from(responseReviews).where(inArray(responseReviews.responseId, ids));

  it('excludes the selected responses with one reason, one audit entry each', async () => {
    const assessor = await as('qb-assessor');
    const picked = mine.slice(0, 3);
    const res = await assessor.post(url(), {
      responseIds: picked,
      decision: 'exclude',
      reason: 'ตอบเร็วผิดปกติ',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ changed: 3, unchanged: 0 });
    const rows = await reviewsOf(picked);
    expect(rows.map((r) => [r.decision, r.reason])).toEqual(Array(3).fill(['exclude', 'ตอบเร็วผิดปกติ']));
    const audited = await t.deps.db
      .select({ entityId: auditLog.entityId, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'response_review'), inArray(auditLog.entityId, picked)));
    expect(audited.map((a) => a.entityId).sort()).toEqual([...picked].sort());
    expect(audited.every((a) => a.action === 'exclude')).toBe(true);
  });

  it('leaves a response that already has the decision as it is (no second audit entry)', async () => {
    const assessor = await as('qb-assessor');
    const res = await assessor.post(url(), {
      responseIds: mine.slice(0, 4),
      decision: 'exclude',
      reason: 'ตอบเร็วผิดปกติ',
    });
    expect(res.json()).toMatchObject({ changed: 1, unchanged: 3 });
    const count = await t.deps.db
      .select({ id: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'response_review'), inArray(auditLog.entityId, mine.slice(0, 4))));
    expect(count).toHaveLength(4);
  });

  it('writes nothing when one response is of another agency, and names it', async () => {
    const assessor = await as('qb-assessor');
    const res = await assessor.post(url(), { responseIds: [mine[4], others[0]], decision: 'keep' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'responses_not_of_agency',
      details: { responseIds: [others[0]] },
    });
    expect(await reviewsOf([mine[4] as string, others[0] as string])).toEqual([]);
  });

  it('validates the list: not empty, no repeats, at most the limit, a reason to exclude', async () => {
    const assessor = await as('qb-assessor');
    const post = (body: object) => assessor.post(url(), { decision: 'keep', ...body });
    expect((await post({ responseIds: [] })).statusCode).toBe(400);
    expect((await post({ responseIds: [mine[4], mine[4]] })).statusCode).toBe(400);
    const tooMany = Array.from({ length: QUALITY_BULK_MAX + 1 }, () => crypto.randomUUID());
    expect((await post({ responseIds: tooMany })).statusCode).toBe(400);
    expect((await post({ responseIds: [mine[4]], decision: 'exclude' })).statusCode).toBe(400);
    expect(await reviewsOf([mine[4] as string])).toEqual([]);
  });

  it('refuses an assessor not assigned to the agency', async () => {
    await makeUser(t.deps.db, { role: 'assessor', username: 'qb-stranger' });
    const res = await (await as('qb-stranger')).post(url(), { responseIds: [mine[4]], decision: 'keep' });
    expect(res.statusCode).toBe(403);
  });
});
