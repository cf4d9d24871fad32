// Stage-status consistency (issue 13 §2 and §6): one rule decides whether a stage is open for an agency
// (src/core/calendar.ts `stageState`: framework dates, the agency's extension, the year's closure, now), so
// at any instant every API that reports a stage says the same thing — the agency's calendar, the year's own
// calendar (for stages the agency has no extension of), the OIT checklist, the assessment page and the
// assessors' queue, the monitoring matrix and the to-do list — and every write of a stage is accepted exactly
// when the rule says so. Agency B's registration is extended past the framework's last day; the instants
// fall before, inside and after the stages, on the extension's last second, and in a year NACC closed.
import { beforeAll, describe, expect, it } from 'vitest';
import { type StageDates, stageState } from '../../src/core/calendar.ts';
import { monitoringSuite, YEAR } from '../../src/modules/monitoring/monitoring.fixture.testing.ts';
import { makeUser } from '../../test/helpers/factories.ts';
import type { Client } from '../helpers/app.ts';

interface CalendarStage extends StageDates {
  effectiveEnd: string;
  open: boolean;
  phase: 'upcoming' | 'open' | 'ended';
  daysLeft: number | null;
  extended: boolean;
}
type Truth = Map<string, CalendarStage>;

const INSTANTS = [
  ['before the cycle opens', '2024-12-20T03:00:00Z'],
  ['on the first day of the stages (00:00 Bangkok)', '2024-12-31T17:00:00Z'],
  ['during collection, inside B’s registration extension', '2025-03-01T03:00:00Z'],
  ['on the last second of B’s extension', '2025-03-05T16:59:59Z'],
  ['just after it', '2025-03-05T17:00:00Z'],
  ['after OIT answering, during scoring', '2025-05-02T03:00:00Z'],
  ['long after the year', '2026-12-06T03:00:00Z'],
] as const;

describe('one answer for a stage, on every page and every write', () => {
  const s = monitoringSuite();
  let framework: StageDates[] = [];
  const url = (path: string) => `/api/${path}`;
  const signIn = (who: string) => s.t.signIn(who);

  beforeAll(async () => {
    await makeUser(s.t.deps.db, { role: 'agency_admin', agencyId: s.f.B, username: 'sc-b-admin' });
    const admin = await signIn(s.f.users.admin);
    framework = (await admin.get(url(`frameworks/${YEAR}`))).json().framework.calendar;
  });

  /** The agency calendar's answer, checked against the rule itself. */
  async function truthOf(admin: Client, agencyId: string, closedAt: Date | null): Promise<Truth> {
    const res = await admin.get(url(`agencies/${agencyId}/calendar/${YEAR}`));
    expect(res.statusCode).toBe(200);
    const stages = res.json().stages as CalendarStage[];
    const now = s.t.deps.now();
    for (const st of stages) {
      const stage = framework.find((f) => f.code === st.code) as StageDates;
      const ext = st.extended ? st.effectiveEnd : null;
      expect(stageState(stage, ext, now, closedAt), st.code).toMatchObject({
        phase: st.phase,
        open: st.open,
        daysLeft: st.daysLeft,
        closesOn: st.effectiveEnd,
      });
    }
    return new Map(stages.map((x) => [x.code, x]));
  }

  /** Every read API against the truth of each agency. */
  async function readsAgree(admin: Client, truths: Map<string, Truth>) {
    const same = (
      code: string,
      t: CalendarStage,
      got: { phase: unknown; daysLeft: unknown },
      where: string,
    ) =>
      expect({ phase: got.phase, daysLeft: got.daysLeft }, `${where}: ${code}`).toEqual({
        phase: t.phase,
        daysLeft: t.daysLeft,
      });

    // The year's own dates: the same answer wherever the agency has no extension.
    const cycle = (await admin.get(url(`cycles/${YEAR}/calendar`))).json();
    for (const truth of truths.values())
      for (const st of cycle.stages as CalendarStage[]) {
        const t = truth.get(st.code) as CalendarStage;
        if (!t.extended) same(st.code, t, st, 'cycle calendar');
      }

    for (const [agencyId, truth] of truths) {
      // OIT checklist: the answering window.
      const checklist = (await admin.get(url(`agencies/${agencyId}/oit/${YEAR}`))).json();
      same('oit_answering', truth.get('oit_answering') as CalendarStage, checklist.stage, 'checklist');
      expect(checklist.stage.closesOn).toBe(truth.get('oit_answering')?.effectiveEnd);
      // The assessment page: every OIT stage.
      const assessment = (await admin.get(url(`agencies/${agencyId}/oit/${YEAR}/assessment`))).json();
      for (const st of assessment.stages) {
        same(st.code, truth.get(st.code) as CalendarStage, st, 'assessment');
        expect(st.closesOn).toBe(truth.get(st.code)?.effectiveEnd);
      }
    }

    // The assessors' queue: the stage of each agency's next step, its deadline and whether it is over.
    const queue = (await admin.get(url(`oit/queue/${YEAR}`))).json();
    for (const row of queue.items) {
      const truth = truths.get(row.agency.id);
      if (!truth || !row.stage) continue;
      const t = truth.get(row.stage.code) as CalendarStage;
      same(row.stage.code, t, row.stage, 'queue');
      expect([row.deadline, row.overdue]).toEqual([t.effectiveEnd, t.phase === 'ended']);
    }

    // The monitoring matrix: each stage's phase, deadline and days left.
    const matrix = (await admin.get(url(`monitoring/${YEAR}/agencies?pageSize=100`))).json();
    for (const row of matrix.items) {
      const truth = truths.get(row.agency.id);
      if (!truth) continue;
      for (const st of row.stages) {
        const t = truth.get(st.code) as CalendarStage;
        same(st.code, t, st, 'matrix');
        expect(st.deadline, `matrix deadline ${st.code}`).toBe(t.effectiveEnd);
      }
    }
  }

  /** The agency admin's to-do: only stages that have opened, with their deadline and days left; none if closed. */
  async function todoAgrees(truth: Truth, closed: boolean) {
    const todo = (
      await (await signIn(s.f.users.agency_admin)).get(url(`monitoring/todo?year=${YEAR}`))
    ).json();
    if (closed) expect(todo.items).toEqual([]);
    for (const item of todo.items) {
      if (!item.stage) continue;
      const t = truth.get(item.stage) as CalendarStage;
      expect(t.phase, `to-do ${item.task}`).not.toBe('upcoming');
      expect([item.deadline, item.daysLeft, item.overdue]).toEqual([
        t.effectiveEnd,
        t.daysLeft,
        t.phase === 'ended',
      ]);
    }
  }

  /** Each write of a stage: accepted exactly when the rule opens it (stakeholder numbers: until it ends). */
  async function writesAgree(truthA: Truth, truthB: Truth, closed: boolean) {
    const adminA = await signIn(s.f.users.agency_admin);
    const adminB = await signIn('sc-b-admin');
    const nacc = await signIn(s.f.users.admin);

    const register = await adminB.put(url(`agencies/${s.f.B}/participations/${YEAR}`), { registered: true });
    const registerOpen = truthB.get('register')?.phase === 'open';
    expect(register.statusCode, `register ${register.body}`).toBe(registerOpen ? 200 : 409);
    if (registerOpen)
      expect(
        (await nacc.put(url(`agencies/${s.f.B}/participations/${YEAR}`), { registered: false })).statusCode,
      ).toBe(200);

    // Numbers may be entered before the stage opens (before NACC loads the framework, too): refused once over.
    const numbers = await adminA.put(url(`agencies/${s.f.A}/stakeholders/${YEAR}`), {
      iitPopulation: 100,
      eitPopulation: 100,
    });
    expect(numbers.statusCode, `stakeholders ${numbers.body}`).toBe(
      truthA.get('stakeholder_data')?.phase === 'ended' ? 409 : 200,
    );

    const checklist = (await adminA.get(url(`agencies/${s.f.A}/oit/${YEAR}`))).json();
    const item = checklist.unanswered[0] as string;
    const answer = await adminA.put(url(`agencies/${s.f.A}/oit/${YEAR}/items/${item}`), { has: null });
    const answering = truthA.get('oit_answering')?.phase === 'open';
    expect(answer.statusCode, `oit answer ${answer.body}`).toBe(answering ? 200 : 409);
    expect(checklist.can.edit).toBe(answering);
    if (closed)
      for (const res of [register, numbers, answer]) expect(res.json().error.code).toBe('cycle_closed');
  }

  for (const [name, at] of INSTANTS)
    it(`agrees ${name}`, async () => {
      s.t.clock.set(new Date(at));
      const admin = await signIn(s.f.users.admin);
      const truths = new Map([
        [s.f.A, await truthOf(admin, s.f.A, null)],
        [s.f.B, await truthOf(admin, s.f.B, null)],
      ]);
      await readsAgree(admin, truths);
      await todoAgrees(truths.get(s.f.A) as Truth, false);
      await writesAgree(truths.get(s.f.A) as Truth, truths.get(s.f.B) as Truth, false);
    });

  it('agrees in a year NACC closed: every stage over everywhere, every write refused; reopened, open again', async () => {
    s.t.clock.set(new Date('2025-03-01T03:00:00Z'));
    const admin = await signIn(s.f.users.admin);
    expect((await admin.put(url(`cycles/${YEAR}/closure`), { reason: 'ปิดรอบ' })).statusCode).toBe(200);
    const closedAt = s.t.deps.now();
    const truths = new Map([
      [s.f.A, await truthOf(admin, s.f.A, closedAt)],
      [s.f.B, await truthOf(admin, s.f.B, closedAt)],
    ]);
    for (const truth of truths.values())
      expect([...truth.values()].every((x) => x.phase === 'ended' && x.daysLeft === null)).toBe(true);
    await readsAgree(admin, truths);
    await todoAgrees(truths.get(s.f.A) as Truth, true);
    await writesAgree(truths.get(s.f.A) as Truth, truths.get(s.f.B) as Truth, true);

    expect((await admin.delete(url(`cycles/${YEAR}/closure`))).statusCode).toBe(200);
    const reopened = await truthOf(admin, s.f.A, null);
    expect(reopened.get('oit_answering')?.phase).toBe('open');
  });
});
