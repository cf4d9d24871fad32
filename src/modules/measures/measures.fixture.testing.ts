// A published FY2568 result for one agency (responses scored by a real processing run, then published), with
// its people signed in: the starting point of the measures tests (measures year 2569).
import { expect } from 'vitest';
import type { Client, TestApp } from '../../../test/helpers/app.ts';
import { grantScope, makeUser } from '../../../test/helpers/factories.ts';
import { oitReviews, oitScores, stakeholderData } from '../../db/schema/index.ts';
import {
  addResponses,
  answerSheet,
  loadFramework,
  participatingAgency,
  variedPick,
  YEAR,
} from '../quality/quality.fixture.testing.ts';
import { processNextRun } from '../results/results.worker.ts';

export const SOURCE_YEAR = YEAR;
export const MEASURES_YEAR = YEAR + 1;
/**
 * The world's clock: inside FY2569's `measures` stage (1 October 2025 – 30 April 2026 in the FY2569
 * framework the world starts from FY2568's, its calendar moved by a year), when measures may be written.
 */
export const MEASURES_NOW = new Date('2025-11-03T03:00:00Z');

export interface MeasuresWorld {
  agencyId: string;
  otherAgencyId: string;
  runId: string;
  as: Record<
    'admin' | 'agencyAdmin' | 'secondAdmin' | 'executive' | 'staff' | 'supervisor' | 'otherAdmin',
    Client
  >;
  /** Publishes the processed run now. */
  publish(): Promise<void>;
}

export async function measuresWorld(t: TestApp, prefix: string): Promise<MeasuresWorld> {
  const db = t.deps.db;
  t.clock.set(MEASURES_NOW);
  const { framework, version } = await loadFramework(db);
  const A = (await participatingAgency(db)).id;
  const B = (await participatingAgency(db)).id;
  for (const agencyId of [A, B]) {
    await db.insert(stakeholderData).values({
      agencyId,
      year: YEAR,
      iitPopulation: 12,
      eitPopulation: 25,
      approvedRevision: 1,
      approvedIitPopulation: 12,
      approvedAt: new Date(),
    });
    let seed = 7;
    for (const [instrument, n] of Object.entries({ IIT: 12, EIT1: 25, EIT2: 20 }))
      await addResponses(
        db,
        agencyId,
        version,
        Array.from({ length: n }, () => ({
          instrument,
          channel: instrument === 'EIT2' ? ('interview' as const) : ('web' as const),
          answers: answerSheet(framework, instrument, 'sao', variedPick(seed++)),
        })),
      );
    await db.insert(oitReviews).values({ agencyId, year: YEAR, status: 'confirmed' });
    for (const [i, item] of framework.oitItems.entries())
      await db.insert(oitScores).values({
        agencyId,
        year: YEAR,
        itemCode: item.code,
        score: i % 5 === 0 ? 0 : 100,
        componentsFound: i % 5 === 0 ? [0] : item.components.map((_, j) => j),
        advice: i % 5 === 0 ? `เผยแพร่ให้ครบทุกองค์ประกอบ ${item.code}` : null,
      });
  }
  const people = {
    admin: { role: 'admin' as const },
    agencyAdmin: { role: 'agency_admin' as const, agencyId: A },
    secondAdmin: { role: 'agency_admin' as const, agencyId: A },
    executive: { role: 'executive' as const, agencyId: A },
    staff: { role: 'agency_staff' as const, agencyId: A },
    supervisor: { role: 'supervisor' as const },
    otherAdmin: { role: 'agency_admin' as const, agencyId: B },
  };
  const as = {} as MeasuresWorld['as'];
  for (const [name, o] of Object.entries(people)) {
    const username = `${prefix}-${name.toLowerCase()}`;
    const user = await makeUser(db, { ...o, username });
    if (name === 'supervisor') await grantScope(db, user.id, { agencyId: A });
    as[name as keyof MeasuresWorld['as']] = await t.signIn(username);
  }
  // NACC starts FY2569 from FY2568 (its calendar, the measures stage included, moved by a year).
  const draft = await as.admin.post('/api/framework-drafts', { fromYear: YEAR, year: MEASURES_YEAR });
  expect(draft.statusCode, draft.body).toBe(201);
  const published = await as.admin.post(`/api/framework-drafts/${draft.json().id}/publish`, {
    revision: draft.json().revision,
  });
  expect(published.statusCode, published.body).toBe(201);
  const res = await as.admin.post(`/api/results/${YEAR}/runs`, { kind: 'run', scope: 'all' });
  expect(res.statusCode).toBe(202);
  const runId = res.json().id as string;
  expect(await processNextRun(t.deps)).toBe('done');
  return {
    agencyId: A,
    otherAgencyId: B,
    runId,
    as,
    async publish() {
      const p = await as.admin.post(`/api/results/${YEAR}/publications`, { runId });
      expect(p.statusCode).toBe(201);
    },
  };
}
