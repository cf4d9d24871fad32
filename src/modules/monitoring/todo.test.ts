import { describe, expect, it } from 'vitest';
import { monitoringSuite, YEAR } from './monitoring.fixture.testing.ts';

type Item = {
  kind: string;
  task: string | null;
  stage: string | null;
  agency: { id: string } | null;
  count: number;
  deadline: string | null;
  daysLeft: number | null;
  overdue: boolean;
  link: string;
};

describe('to-do list', () => {
  const s = monitoringSuite();
  const todo = async (role: Parameters<typeof s.as>[0]) => {
    const res = await (await s.as(role)).get(`/api/monitoring/todo?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Item[];
  };

  it('gives the executive the approvals waiting, with the OIT deadline', async () => {
    const items = await todo('executive');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'approve_oit',
        count: 2,
        deadline: '2025-04-30',
        daysLeft: 60,
        link: `/agencies/${s.f.A}/oit/${YEAR}`,
      }),
    ]);
  });

  it('gives the agency admin its next steps, nearest deadline first, and the returned item', async () => {
    const items = await todo('agency_admin');
    const kinds = items.map((i) => [i.kind, i.task, i.count]);
    expect(kinds).toContainEqual(['oit_returned', 'oit_answers', 1]);
    expect(kinds).toContainEqual(['agency_task', 'iit', 18]);
    expect(kinds).toContainEqual(['agency_task', 'eit1', 30]);
    expect(kinds).toContainEqual(['agency_task', 'oit_answers', expect.any(Number)]);
    // Assessors' work and the executive's approvals are not the admin's to do.
    expect(items.map((i) => i.task)).not.toContain('eit2');
    expect(items.map((i) => i.task)).not.toContain('stakeholder_approval');
    const days = items.map((i) => i.daysLeft ?? 10_000);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(items.find((i) => i.task === 'iit')?.link).toBe('/iit-access');
  });

  it('gives the assessor the interviews still to collect and the flagged responses to decide', async () => {
    const items = await todo('assessor');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'collect_interviews',
        count: 20,
        link: '/interviews',
        agency: expect.objectContaining({ id: s.f.A }),
      }),
      // A's twelve identical IIT responses, all flagged as duplicates and none decided.
      expect.objectContaining({
        kind: 'decide_flags',
        count: 12,
        link: `/quality?agency=${s.f.A}&year=${YEAR}`,
        agency: expect.objectContaining({ id: s.f.A }),
      }),
    ]);
  });

  it('gives the supervisor its laggards, furthest behind first, each linked to the agency', async () => {
    const items = await todo('supervisor');
    expect(items[0]).toMatchObject({
      kind: 'agencies_behind',
      count: 2,
      link: `/monitoring/${YEAR}?behind=true`,
    });
    expect(items.slice(1).map((i) => i.agency?.id)).toEqual([s.f.B, s.f.A]);
    expect(items[1]).toMatchObject({
      kind: 'laggard',
      task: 'registration',
      count: 1,
      link: `/agencies/${s.f.B}`,
    });
  });

  it('gives NACC the stages overdue across the country', async () => {
    const items = await todo('admin');
    expect(items[0]).toMatchObject({ kind: 'agencies_behind', count: 3 });
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'stage_overdue',
        stage: 'stakeholder_data',
        count: 2,
        link: `/monitoring/${YEAR}?stage=stakeholder_data&state=overdue`,
      }),
    );
  });

  it('refuses the anonymous, and answers 404 for a year without a framework', async () => {
    expect((await s.t.anonymous().get('/api/monitoring/todo')).statusCode).toBe(401);
    expect((await (await s.as('admin')).get('/api/monitoring/todo?year=2600')).statusCode).toBe(404);
  });
});
