import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, grantScope, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { surveyProgress } from '../../core/surveys/index.ts';
import { auditLog, responseReviews } from '../../db/schema/index.ts';
import { sessions } from '../agencies/agencies.fixture.testing.ts';
import { countedResponses } from '../responses/index.ts';
import {
  addResponses,
  answerSheet,
  loadFramework,
  participatingAgency,
  variedPick,
  YEAR,
} from './quality.fixture.testing.ts';

describe('response quality review', () => {
  let t: TestApp;
  let as: ReturnType<typeof sessions>;
  let framework: Framework;
  let version: number;
  let agencyId: string;
  const ids = {
    normal: [] as string[],
    speeders: [] as string[],
    straight: [] as string[],
    dups: [] as string[],
  };

  beforeAll(async () => {
    t = await createTestApp();
    as = sessions(t);
    const db = t.deps.db;
    ({ framework, version } = await loadFramework(db));
    const province = await makeProvince(db);
    const agency = await participatingAgency(db, { provinceCode: province.code });
    agencyId = agency.id;
    const assessor = await makeUser(db, { role: 'assessor', username: 'q-assessor' });
    await assign(db, assessor.id, agencyId, YEAR);
    await makeUser(db, { role: 'assessor', username: 'q-other-assessor' });
    const supervisor = await makeUser(db, { role: 'supervisor', username: 'q-supervisor' });
    await grantScope(db, supervisor.id, { provinceCode: province.code });
    await makeUser(db, { role: 'agency_admin', username: 'q-agency-admin', agencyId });

    const sheet = (pick: (i: number, n: number) => number) =>
      answerSheet(framework, 'IIT', agency.type, pick);
    const dupSheet = sheet(variedPick(999));
    ids.normal = await addResponses(
      db,
      agencyId,
      version,
      Array.from({ length: 12 }, (_, i) => ({
        answers: sheet(variedPick(i)),
        durationSeconds: 500 + i * 15,
      })),
    );
    ids.speeders = await addResponses(db, agencyId, version, [
      { answers: sheet(variedPick(100)), durationSeconds: 30 },
      { answers: sheet(variedPick(101)), durationSeconds: 45 },
    ]);
    ids.straight = await addResponses(db, agencyId, version, [
      { answers: sheet(() => 0) },
      { answers: sheet(() => 0) },
    ]);
    ids.dups = await addResponses(
      db,
      agencyId,
      version,
      Array.from({ length: 5 }, () => ({ answers: dupSheet })),
    );
  });
  afterAll(() => t.close());

  const url = () => `/api/agencies/${agencyId}/quality/${YEAR}`;
  const flagsOf = (body: { responses: { id: string; flags: { code: string }[] }[] }, id: string) =>
    body.responses.find((r) => r.id === id)?.flags.map((f) => f.code) ?? [];

  it('flags speeders, straight-liners and duplicate answer sheets for the assigned assessor', async () => {
    const res = await (await as('q-assessor')).get(url());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.detail).toBe(true);
    for (const id of ids.speeders) expect(flagsOf(body, id)).toContain('speeder');
    for (const id of ids.straight) expect(flagsOf(body, id)).toEqual(['straight_lining']);
    for (const id of ids.dups) expect(flagsOf(body, id)).toEqual(['duplicate_vector']);
    // Unremarkable responses are not listed at all.
    const listed = new Set(body.responses.map((r: { id: string }) => r.id));
    expect(ids.normal.filter((id) => listed.has(id))).toEqual([]);

    const speeder = body.responses.find((r: { id: string }) => r.id === ids.speeders[0]);
    expect(speeder).toMatchObject({
      instrument: 'IIT',
      day: '2025-03-01',
      duration: { fromSeconds: 30, toSeconds: 60 },
      review: null,
    });
    expect(speeder.flags[0].th).toMatch(/วินาที/);
    expect(speeder.flags[0].en).toMatch(/median/);
    expect(speeder.answerVector).toMatch(/^[1-4](,[1-4])+$/);
    // Only option positions, never the answer values themselves.
    expect(JSON.stringify(body)).not.toMatch(/"most"|"none"|"little"|"much"/);

    expect(body.instruments.find((i: { instrument: string }) => i.instrument === 'IIT')).toMatchObject({
      responses: 21,
      held: 0,
      excluded: 0,
      flaggedResponses: 9,
      flagCounts: { speeder: 2, straight_lining: 2, duplicate_vector: 5 },
    });
    // No approved population in this fixture: the view says the IIT is not open to new responses.
    expect(body.iitIntake).toEqual({ state: 'awaiting_population', approvedPopulation: null, received: 21 });
    const identical = body.agencyFlags.find((f: { code: string }) => f.code === 'identical_share');
    expect(identical).toMatchObject({ instrument: 'IIT', evidence: { identical: 7, responses: 21 } });
    expect(identical.th).toMatch(/ซ้ำ/);
  });

  it('shows supervisors agency-level flags and counts, never per-response data', async () => {
    const res = await (await as('q-supervisor')).get(url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ detail: false, responses: null });
    expect(body.agencyFlags.map((f: { code: string }) => f.code)).toContain('identical_share');
    const text = res.body;
    for (const id of [...ids.speeders, ...ids.straight, ...ids.dups]) expect(text).not.toContain(id);
    expect(text).not.toContain('answerVector');
  });

  it('refuses agency roles and assessors of other agencies', async () => {
    expect((await (await as('q-agency-admin')).get(url())).statusCode).toBe(403);
    expect((await (await as('q-other-assessor')).get(url())).statusCode).toBe(403);
    const target = ids.speeders[0] as string;
    const put = await (await as('q-other-assessor')).put(`/api/responses/${target}/review`, {
      decision: 'exclude',
      reason: 'ตอบเร็วเกินไป',
    });
    expect(put.statusCode).toBe(403);
  });

  it('requires a reason to exclude, and changes nothing without one', async () => {
    const target = ids.speeders[0] as string;
    const sut = await as('q-assessor');
    for (const body of [{ decision: 'exclude' }, { decision: 'exclude', reason: '   ' }]) {
      const res = await sut.put(`/api/responses/${target}/review`, body);
      expect(res.statusCode).toBe(400);
    }
    expect(
      await t.deps.db.select().from(responseReviews).where(eq(responseReviews.responseId, target)),
    ).toEqual([]);
  });

  it('excludes a response from the counted responses and progress, audited without answers', async () => {
    const db = t.deps.db;
    const target = ids.speeders[0] as string;
    const minimum = { IIT: 21 };
    expect(surveyProgress(minimum, await countedResponses(db, agencyId, YEAR))[0]).toMatchObject({
      counted: 21,
      reached: true,
    });

    const sut = await as('q-assessor');
    const res = await sut.put(`/api/responses/${target}/review`, {
      decision: 'exclude',
      reason: 'ตอบเสร็จใน 30 วินาที',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      responseId: target,
      decision: 'exclude',
      reason: 'ตอบเสร็จใน 30 วินาที',
    });

    expect(surveyProgress(minimum, await countedResponses(db, agencyId, YEAR))[0]).toMatchObject({
      counted: 20,
      reached: false,
    });
    const breakdown = await sut.get(`/api/agencies/${agencyId}/breakdown/${YEAR}?by=instrument`);
    expect(breakdown.json()).toMatchObject({ total: 20, groups: [{ key: 'IIT', count: 20 }] });
    const report = (await sut.get(url())).json();
    expect(report.responses.find((r: { id: string }) => r.id === target).review).toMatchObject({
      decision: 'exclude',
    });
    expect(report.instruments[0]).toMatchObject({ responses: 21, excluded: 1 });

    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'response_review'), eq(auditLog.entityId, target)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      agencyId,
      action: 'exclude',
      actorUsername: 'q-assessor',
      before: null,
      after: { decision: 'exclude', reason: 'ตอบเสร็จใน 30 วินาที' },
    });
    // The history is readable through the audit API by the assessor.
    const history = await sut.get(`/api/audit?entityType=response_review&agencyId=${agencyId}`);
    expect(history.json().items.map((e: { entityId: string }) => e.entityId)).toContain(target);
  });

  it('undoes a decision: the response counts again, and the undo is audited', async () => {
    const db = t.deps.db;
    const target = ids.speeders[0] as string;
    const sut = await as('q-assessor');
    const res = await sut.delete(`/api/responses/${target}/review`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ responseId: target, decision: null });
    expect((await countedResponses(db, agencyId, YEAR)).IIT).toBe(21);
    const [last] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'response_review'), eq(auditLog.action, 'undo')));
    expect(last).toMatchObject({ entityId: target, before: { decision: 'exclude' }, after: null });
    expect((await sut.delete(`/api/responses/${target}/review`)).statusCode).toBe(404);
  });

  it('records a keep decision without a reason', async () => {
    const target = ids.dups[0] as string;
    const res = await (await as('q-assessor')).put(`/api/responses/${target}/review`, { decision: 'keep' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'keep', reason: null });
    expect((await countedResponses(t.deps.db, agencyId, YEAR)).IIT).toBe(21);
  });

  it('answers 404 for a response that does not exist', async () => {
    const res = await (await as('q-assessor')).put(`/api/responses/${crypto.randomUUID()}/review`, {
      decision: 'keep',
    });
    expect(res.statusCode).toBe(404);
  });
});
