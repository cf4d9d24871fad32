import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { frameworkVersions, otpChallenges, participations, rateBuckets } from '../../db/schema/index.ts';
import { otpPurgeTask } from './index.ts';

describe('OTP purge at start-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('removes challenges whose code died and ended rate windows, keeping live ones', async () => {
    const db = t.deps.db;
    const agency = await makeAgency(db);
    await db
      .insert(frameworkVersions)
      .values({ year: 2568, version: 1, definition: {}, sha256: 'x', origin: 'bundled' });
    await db.insert(participations).values({ agencyId: agency.id, year: 2568 });
    const now = t.deps.now();
    const challenge = (minutesAgo: number): typeof otpChallenges.$inferInsert => {
      const at = new Date(now.getTime() - minutesAgo * 60_000);
      return {
        agencyId: agency.id,
        year: 2568,
        channel: 'sms',
        destinationHash: 'd',
        codeHash: 'c',
        issuedAt: at,
        lastSentAt: at,
      };
    };
    await db.insert(otpChallenges).values([challenge(60), challenge(1)]);
    await db.insert(rateBuckets).values([
      { key: 'otp:dest:x', windowStart: new Date(now.getTime() - 3 * 3600_000), count: 3 },
      { key: 'otp:dest:y', windowStart: new Date(now.getTime() - 60_000), count: 1 },
    ]);

    await otpPurgeTask(t.deps, t.app.log);

    expect(await db.select().from(otpChallenges)).toHaveLength(1);
    expect((await db.select().from(rateBuckets)).map((r) => r.key)).toEqual(['otp:dest:y']);
  });
});
