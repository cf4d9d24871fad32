import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { answerItems } from '../../core/surveys/index.ts';
import { sessions } from '../agencies/agencies.fixture.testing.ts';
import { noteSubmission } from './index.ts';
import {
  addResponses,
  answerSheet,
  loadFramework,
  participatingAgency,
  variedPick,
  YEAR,
} from './quality.fixture.testing.ts';

/** The best-scoring option everywhere (polarity applied): what a coached respondent ticks. */
function coachedSheet(framework: Framework) {
  const answers: Record<string, string | Record<string, string>> = {};
  for (const item of answerItems(framework, 'IIT', 'sao')) {
    const best = item.options[item.scores.indexOf(Math.max(...item.scores))] as string;
    if (item.subItemCode === null) answers[item.questionCode] = best;
    else
      answers[item.questionCode] = {
        ...((answers[item.questionCode] as Record<string, string>) ?? {}),
        [item.subItemCode]: best,
      };
  }
  return answers;
}

describe('agency-level quality flags and breakdowns', () => {
  let t: TestApp;
  let as: ReturnType<typeof sessions>;
  let coached: string;
  let small: string;

  beforeAll(async () => {
    t = await createTestApp();
    as = sessions(t);
    const db = t.deps.db;
    const { framework, version } = await loadFramework(db);
    for (let p = 0; p < 10; p++) {
      const peer = await participatingAgency(db);
      await addResponses(
        db,
        peer.id,
        version,
        [0, 1, 2].map((i) => ({ answers: answerSheet(framework, 'IIT', 'sao', variedPick(p * 10 + i)) })),
      );
    }
    coached = (await participatingAgency(db)).id;
    await addResponses(
      db,
      coached,
      version,
      Array.from({ length: 10 }, () => ({ answers: coachedSheet(framework) })),
    );

    small = (await participatingAgency(db)).id;
    const day = (d: string) => new Date(`${d}T03:00:00Z`);
    const sheet = (i: number) => answerSheet(framework, 'IIT', 'sao', variedPick(500 + i));
    await addResponses(db, small, version, [
      ...Array.from({ length: 6 }, (_, i) => ({ answers: sheet(i), at: day('2025-03-03') })),
      ...Array.from({ length: 7 }, (_, i) => ({ answers: sheet(10 + i), at: day('2025-03-04') })),
      ...Array.from({ length: 2 }, (_, i) => ({ answers: sheet(20 + i), at: day('2025-03-05') })),
    ]);
    await makeUser(db, { role: 'admin', username: 'qa-admin' });
    await makeUser(db, { role: 'agency_admin', username: 'qa-small-admin', agencyId: small });
  });
  afterAll(() => t.close());

  it('flags an agency whose respondents all give the best answer, against its peers', async () => {
    const res = await (await as('qa-admin')).get(`/api/agencies/${coached}/quality/${YEAR}`);
    expect(res.statusCode).toBe(200);
    const flag = res.json().agencyFlags.find((f: { code: string }) => f.code === 'unusual_uniformity');
    expect(flag).toMatchObject({ instrument: 'IIT', evidence: { agencyVariance: 0, peers: 11 } }); // ten peers and the small agency
    expect(flag.th).toMatch(/หน่วยงานเทียบเคียง/);
  });

  it('flags bursts of submissions from the counters of the last day', async () => {
    const now = t.deps.now();
    for (let i = 0; i < 20; i++)
      await t.deps.db.transaction((tx) =>
        noteSubmission(tx, {
          agencyId: small,
          year: YEAR,
          clientIp: `203.0.113.${i}`,
          now,
          config: t.deps.config,
        }),
      );
    const res = await (await as('qa-admin')).get(`/api/agencies/${small}/quality/${YEAR}`);
    const flags = res.json().agencyFlags.filter((f: { instrument: string | null }) => f.instrument === null);
    expect(flags.map((f: { code: string }) => f.code).sort()).toEqual(['burst_network', 'burst_window']);
    expect(flags[0].evidence).toMatchObject({ peak: 20, windowMinutes: 10 });
  });

  it('hides days with fewer than 5 responses and one more, without a total or a reason that would reveal them', async () => {
    for (const username of ['qa-small-admin', 'qa-admin']) {
      const res = await (await as(username)).get(`/api/agencies/${small}/breakdown/${YEAR}?by=day`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        by: 'day',
        minimumGroupSize: 5,
        total: null,
        groups: [
          { key: '2025-03-03', count: null, suppressed: true },
          { key: '2025-03-04', count: 7, suppressed: false },
          { key: '2025-03-05', count: null, suppressed: true },
        ],
      });
    }
  });

  it('refuses an unknown breakdown dimension', async () => {
    const res = await (await as('qa-admin')).get(`/api/agencies/${small}/breakdown/${YEAR}?by=phone`);
    expect(res.statusCode).toBe(400);
  });
});
