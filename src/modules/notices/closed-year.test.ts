// A year NACC closed leaves nothing to do (issue 11 §2–3 with issue 13 §2): no to-do step on any role's home,
// no reminder before a deadline, no laggard in the weekly digest — by the real rule (the monitoring progress
// over the calendar's closure), not a fake work source. Reopening the year brings them back.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/helpers/factories.ts';
import type { Role } from '../../core/authz.ts';
import { notices } from '../../db/schema/index.ts';
import { monitoringSuite, YEAR } from '../monitoring/monitoring.fixture.testing.ts';
import { planDigests, planStageReminders } from './notices.plan.ts';
import { stageWork } from './notices.work.ts';

const ROLES: Role[] = ['agency_admin', 'executive', 'assessor', 'supervisor', 'admin'];

describe('a closed year in to-do lists and reminders', () => {
  const s = monitoringSuite();
  const planDeps = () => ({ ...s.t.deps, quietHours: false });
  beforeAll(async () => {
    // Agency B's registration is extended to 5 March (4 days left at the suite's clock, 1 March): its
    // admin is due a reminder; the province's supervisor a digest of A and B.
    await makeUser(s.t.deps.db, { role: 'agency_admin', agencyId: s.f.B, email: 'admin-b@example.go.th' });
  });

  const todos = async () => {
    const counts: Partial<Record<Role, number>> = {};
    for (const role of ROLES) {
      const res = await (await s.as(role)).get(`/api/monitoring/todo?year=${YEAR}`);
      expect(res.statusCode).toBe(200);
      counts[role] = res.json().items.length;
    }
    return counts;
  };
  /** What the planner queues now, from an empty queue (each run starts afresh). */
  const planned = async () => {
    await s.t.deps.db.delete(notices);
    const reminders = await planStageReminders(planDeps(), stageWork);
    const digests = await planDigests(planDeps(), stageWork);
    return { reminders, digests };
  };

  it('lists steps and plans reminders while the year runs', async () => {
    const counts = await todos();
    for (const role of ROLES) expect(counts[role], role).toBeGreaterThan(0);
    expect(await planned()).toEqual({ reminders: 1, digests: 1 });
  });

  it('lists no step and plans no reminder once NACC closed the year; reopening brings them back', async () => {
    const admin = await s.as('admin');
    expect((await admin.put(`/api/cycles/${YEAR}/closure`, { reason: 'ปิดรอบการประเมิน' })).statusCode).toBe(
      200,
    );
    expect(await todos()).toEqual(Object.fromEntries(ROLES.map((r) => [r, 0])));
    expect(await planned()).toEqual({ reminders: 0, digests: 0 });
    const work = await stageWork(s.t.deps.db, YEAR, { everyAgency: true }, s.t.deps.now());
    expect(work.length).toBeGreaterThan(0);
    expect(work.some((w) => w.outstanding || w.phase === 'open')).toBe(false);

    expect((await admin.delete(`/api/cycles/${YEAR}/closure`)).statusCode).toBe(200);
    const back = await todos();
    for (const role of ROLES) expect(back[role], role).toBeGreaterThan(0);
    expect(await planned()).toEqual({ reminders: 1, digests: 1 });
  });
});
