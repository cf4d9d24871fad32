import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { oitAnswers, users } from '../../db/schema/index.ts';
import { oitSuite, YEAR } from './oit.fixture.testing.ts';

describe('OIT approval: nobody approves what they submitted or wrote', () => {
  const s = oitSuite();
  const approvedCount = async () =>
    (
      await s.t.deps.db
        .select()
        .from(oitAnswers)
        .where(
          and(eq(oitAnswers.agencyId, s.f.A), eq(oitAnswers.year, YEAR), eq(oitAnswers.state, 'approved')),
        )
    ).length;

  it('records who sent each item for approval', async () => {
    await s.answerAll();
    expect((await (await s.as('agencyAdmin')).post(`${s.base()}/submit`)).statusCode).toBe(200);
    const rows = await s.t.deps.db.select().from(oitAnswers).where(eq(oitAnswers.agencyId, s.f.A));
    expect(new Set(rows.map((r) => r.submittedBy))).toEqual(new Set([s.f.ids.agencyAdmin]));
  });

  it('refuses the submitter, made an executive since, with 403 four_eyes in Thai and English, changing nothing', async () => {
    // The account that answered and submitted is now the agency's executive (a role change).
    await s.t.deps.db.update(users).set({ role: 'executive' }).where(eq(users.id, s.f.ids.agencyAdmin));
    const promoted = await s.fresh('agencyAdmin');
    for (const step of ['approve', 'return'] as const) {
      const res = await promoted.post(
        `${s.base()}/${step}`,
        step === 'return' ? { items: [{ code: 'o1', comment: 'ตรวจเอง' }] } : undefined,
      );
      expect(res.statusCode, step).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'four_eyes',
        th: expect.stringContaining('สี่ตา'),
        en: expect.stringContaining('four-eyes'),
      });
    }
    expect(await approvedCount()).toBe(0);
  });

  it('lets another executive approve', async () => {
    expect((await (await s.as('executive')).post(`${s.base()}/approve`)).statusCode).toBe(200);
    expect(await approvedCount()).toBeGreaterThan(0);
  });
});
