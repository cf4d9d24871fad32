// Agency and assessor writes on the same agency-year at the same time. Extensions make every OIT stage open
// at once (as NACC may grant them), so the agency's steps (submit, approve, return, save, clarify) and the
// assessor's (score, submit, decide, confirm) can all run together. Every write locks the review row first,
// then the answers: the test fails on a deadlock (PostgreSQL 40P01) or any other database error, and on a
// lost update — after each phase the rows are what any serial order of the accepted writes gives, the review
// status is what the items' states say, and the audit log holds each accepted step once.
// On PGlite (one connection) the writes run one after another: there it checks the serial outcome only.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { assign, makeAgency, makeProvince, makeUser } from '../../../test/helpers/factories.ts';
import type { Actor } from '../../core/authz.ts';
import { DomainError } from '../../core/errors.ts';
import { reviewStatusOf } from '../../core/oit/states.ts';
import {
  auditLog,
  oitAnswers,
  oitClarifications,
  oitReviews,
  oitScores,
  participations,
  stageExtensions,
} from '../../db/schema/index.ts';
import { verifyChain } from '../audit/index.ts';
import { loadBundledFrameworks } from '../frameworks/index.ts';
// The use cases under test (one import block, so the same test can be pointed at another implementation).
import { approveAnswers, returnItems, submitForApproval } from './approval.service.ts';
import { approveAll, DURING, scoreBody, YEAR } from './assessment.fixture.testing.ts';
import { scoreItem, submitAssessment } from './assessment.service.ts';
import { saveAnswer } from './checklist.service.ts';
import { decideOnClarification, fileClarification } from './clarifications.service.ts';
import { confirmResult } from './review.service.ts';

const ROUNDS = 20;

const actorOf = (u: { id: string; username: string; role: Actor['role']; agencyId: string | null }) => ({
  userId: u.id,
  username: u.username,
  role: u.role,
  agencyId: u.agencyId,
  scope: { provinces: [], ministries: [], agencies: [] },
  assignedAgencies: [] as string[],
});

/** What became of one write: accepted, refused by a domain rule (its code), or failed otherwise. */
type Outcome = { op: string; ok: true } | { op: string; refused: string } | { op: string; failed: string };

/** The SQLSTATE of a database error (drivers wrap it as `cause`), or the message of anything else. */
function failureOf(e: unknown): string {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `SQLSTATE ${code}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Runs the writes together and reports each one's outcome. */
async function together(ops: Record<string, () => Promise<unknown>>): Promise<Outcome[]> {
  const settled = await Promise.allSettled(Object.values(ops).map((op) => op()));
  return Object.keys(ops).map((op, i) => {
    const s = settled[i] as PromiseSettledResult<unknown>;
    if (s.status === 'fulfilled') return { op, ok: true };
    if (s.reason instanceof DomainError) return { op, refused: s.reason.code };
    return { op, failed: failureOf(s.reason) };
  });
}

describe('concurrent agency and assessor writes on one review', () => {
  let t: TestApp;
  let assessor: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    t = await createTestApp();
    await loadBundledFrameworks(t.deps.db);
    assessor = await makeUser(t.deps.db, { role: 'assessor' });
    // The confirmation stage; the earlier stages are extended to the end of the year for each agency.
    t.clock.set(DURING.confirmation);
  });
  afterAll(() => t?.close());

  /** An agency whose every applicable item is approved and scored (the first two 0), and its people. */
  async function world() {
    const db = t.deps.db;
    const province = await makeProvince(db);
    const agency = await makeAgency(db, { type: 'sao', provinceCode: province.code });
    await db.insert(participations).values({ agencyId: agency.id, year: YEAR });
    await db.insert(stageExtensions).values(
      ['oit_answering', 'oit_scoring', 'clarification'].map((stage) => ({
        agencyId: agency.id,
        year: YEAR,
        stage,
        endsOn: '2025-12-31',
        reason: 'overlapping windows',
      })),
    );
    const items = await approveAll(db, agency);
    await assign(db, assessor.id, agency.id, YEAR);
    await db.insert(oitScores).values(
      items.map((item, n) => ({
        agencyId: agency.id,
        year: YEAR,
        itemCode: item.code,
        ...scoreBody(item, n < 2 ? 0 : 100),
        assessorId: assessor.id,
      })),
    );
    const admin = await makeUser(db, { role: 'agency_admin', agencyId: agency.id });
    const executive = await makeUser(db, { role: 'executive', agencyId: agency.id });
    return {
      agencyId: agency.id,
      items,
      people: {
        assessor: { ...actorOf({ ...assessor, role: 'assessor' }), assignedAgencies: [agency.id] },
        admin: actorOf({ ...admin, role: 'agency_admin' }),
        executive: actorOf({ ...executive, role: 'executive' }),
      },
    };
  }

  async function stored(agencyId: string) {
    const db = t.deps.db;
    const k = <T extends { agencyId: unknown; year: unknown }>(tb: T) =>
      and(eq(tb.agencyId as never, agencyId), eq(tb.year as never, YEAR));
    const answers = await db.select().from(oitAnswers).where(k(oitAnswers));
    const [review] = await db.select().from(oitReviews).where(k(oitReviews));
    const scores = await db.select().from(oitScores).where(k(oitScores));
    const clarifications = await db.select().from(oitClarifications).where(k(oitClarifications));
    const reviewSteps = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'oit_review'), eq(auditLog.entityId, `${agencyId}:${YEAR}`)))
      .orderBy(auditLog.seq);
    return {
      states: Object.fromEntries(answers.map((a) => [a.itemCode, a.state])),
      /** The review's status must be what its items' states say (no write lost the other's change). */
      statusAgrees: review?.status === reviewStatusOf(answers.map((a) => a.state)),
      review,
      score: (code: string) => scores.find((s) => s.itemCode === code),
      clarification: (code: string) => clarifications.find((c) => c.itemCode === code),
      reviewSteps: reviewSteps.map((r) => r.action),
    };
  }

  it(`finishes ${ROUNDS} rounds without a deadlock or a lost update`, async () => {
    const deps = t.deps;
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const w = await world();
      const { assessor: A, admin, executive } = w.people;
      const [z1, z2, s] = w.items.map((i) => i.code) as [string, string, string];
      const sItem = w.items[2] as { code: string; components: number };
      const approve = () => approveAnswers(deps, executive, w.agencyId, YEAR);
      const submit = () => submitForApproval(deps, admin, w.agencyId, YEAR);
      const save = () =>
        saveAnswer(
          deps,
          admin,
          { agencyId: w.agencyId, year: YEAR, itemCode: s },
          {
            has: false,
            urls: [],
            explanation: null,
          },
        );
      const item = (code: string) => ({ agencyId: w.agencyId, year: YEAR, code });
      /** False (and the failures noted) when a write failed other than by a domain rule. */
      const settled = (phase: string, got: Outcome[], want: Record<string, string>) => {
        const failed = got.flatMap((o) =>
          'failed' in o ? [`round ${round} ${phase} ${o.op}: ${o.failed}`] : [],
        );
        failures.push(...failed);
        if (failed.length > 0) return false;
        const seen = Object.fromEntries(
          got.map((o) => [o.op, 'ok' in o ? 'ok' : 'refused' in o ? o.refused : '']),
        );
        expect(seen, `round ${round} ${phase}`).toEqual(want);
        return true;
      };

      // 1. The assessor submits and rescores while the agency approves and submits (both no-ops by now).
      const p1 = await together({
        submitAssessment: () => submitAssessment(deps, A, w.agencyId, YEAR),
        score: () => scoreItem(deps, A, item(s), scoreBody(sItem, 0)),
        approve,
        submit,
      });
      if (!settled('scoring', p1, { submitAssessment: 'ok', score: 'ok', approve: 'ok', submit: 'ok' }))
        continue;
      let now = await stored(w.agencyId);
      expect(new Set(Object.values(now.states))).toEqual(new Set(['assessed']));
      expect(now.review?.status).toBe('assessed');
      expect(now.statusAgrees).toBe(true);
      expect(now.score(s)?.score).toBe(0);

      // 2. The agency files two clarifications while its executive tries to take back and to approve.
      const p2 = await together({
        clarifyZ1: () => fileClarification(deps, admin, item(z1), { explanation: 'อยู่ในหน้าแรก' }),
        clarifyS: () => fileClarification(deps, admin, item(s), { explanation: 'อยู่ในหน้าที่สอง' }),
        returnZ2: () =>
          returnItems(deps, executive, w.agencyId, YEAR, { items: [{ code: z2, comment: 'แก้' }] }),
        approve,
      });
      const p2Want = { clarifyZ1: 'ok', clarifyS: 'ok', returnZ2: 'oit_return_after_scoring', approve: 'ok' };
      if (!settled('clarification', p2, p2Want)) continue;
      now = await stored(w.agencyId);
      expect([now.states[z1], now.states[s], now.states[z2]]).toEqual(['disputed', 'disputed', 'assessed']);
      expect(now.statusAgrees).toBe(true);

      // 3. The assessor decides both while the agency submits and tries to edit.
      const p3 = await together({
        acceptZ1: () => decideOnClarification(deps, A, item(z1), { decision: 'accepted' }),
        rejectS: () => decideOnClarification(deps, A, item(s), { decision: 'rejected', reason: 'ไม่พบ' }),
        submit,
        save,
      });
      const p3Want = { acceptZ1: 'ok', rejectS: 'ok', submit: 'ok', save: 'oit_illegal_transition' };
      if (!settled('decisions', p3, p3Want)) continue;
      now = await stored(w.agencyId);
      expect([now.states[z1], now.states[s]]).toEqual(['assessed', 'assessed']);
      expect([now.score(z1)?.score, now.score(z1)?.originalScore, now.score(s)?.score]).toEqual([100, 0, 0]);
      expect([now.clarification(z1)?.decision, now.clarification(s)?.decision]).toEqual([
        'accepted',
        'rejected',
      ]);
      expect(now.statusAgrees).toBe(true);

      // 4. The assessor confirms while the agency approves, submits and tries to edit.
      const p4 = await together({
        confirm: () => confirmResult(deps, A, w.agencyId, YEAR),
        approve,
        submit,
        save,
      });
      const p4Want = { confirm: 'ok', approve: 'ok', submit: 'ok', save: 'oit_illegal_transition' };
      if (!settled('confirmation', p4, p4Want)) continue;
      now = await stored(w.agencyId);
      expect(new Set(Object.values(now.states))).toEqual(new Set(['confirmed']));
      expect(now.review?.status).toBe('confirmed');
      expect(now.statusAgrees).toBe(true);
      expect(now.review?.assessedBy).toBe(A.userId);
      expect(now.review?.confirmedBy).toBe(A.userId);
      // Each accepted step of the review recorded once, in the order it happened; the no-ops recorded nothing.
      expect(now.reviewSteps).toEqual(['assess', 'confirm']);
    }
    expect(failures).toEqual([]);
    expect((await verifyChain(deps.db)).ok).toBe(true);
  }, 600_000);
});
