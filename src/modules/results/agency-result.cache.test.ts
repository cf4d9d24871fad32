// agencyResultOf keeps the rows of finished runs (they never change) and never those of a running run, whose
// rows a restart of the run may delete: the copy must never outlive the row.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import type { Database } from '../../db/client.ts';
import { agencyResults, processingRuns } from '../../db/schema/index.ts';
import { loadFramework, participatingAgency, YEAR } from '../quality/quality.fixture.testing.ts';
import { agencyResultOf } from './publications.repo.ts';

describe('agencyResultOf', () => {
  let sut: Database;
  let version: number;
  let createdBy: string;

  beforeAll(async () => {
    sut = await createTestDatabase();
    ({ version } = await loadFramework(sut.db));
    createdBy = (await makeUser(sut.db, { role: 'admin', username: 'cache-admin' })).id;
  });
  afterAll(() => sut.close());

  async function runWithOneResult(status: 'running' | 'done') {
    const [run] = await sut.db
      .insert(processingRuns)
      .values({
        year: YEAR,
        frameworkVersion: version,
        kind: 'preview',
        scope: 'all',
        status,
        inputsHash: status === 'done' ? 'd'.repeat(64) : null,
        createdBy,
        finishedAt: status === 'done' ? new Date() : null,
      })
      .returning({ id: processingRuns.id });
    const runId = run?.id as string;
    const { id: agencyId } = await participatingAgency(sut.db);
    await sut.db.insert(agencyResults).values({
      runId,
      agencyId,
      total: '91.25',
      ratingCode: 'A',
      passes: true,
      instruments: {},
      indicators: {},
      indicatorsByInstrument: {},
      questions: {},
      subIndicators: {},
      inputsHash: 'e'.repeat(64),
    });
    return { runId, agencyId };
  }

  it('reads a finished run’s row once and serves the kept copy after', async () => {
    const { runId, agencyId } = await runWithOneResult('done');
    const first = await agencyResultOf(sut.db, runId, agencyId);
    expect(first).toMatchObject({ runId, agencyId, runFrameworkVersion: version });
    expect(Number(first?.total)).toBe(91.25);
    expect(first).not.toHaveProperty('runStatus');
    expect(await agencyResultOf(sut.db, runId, agencyId)).toBe(first);
  });

  it('never keeps a running run’s row (once the run deletes it, it is gone) nor a row not found', async () => {
    const { runId, agencyId } = await runWithOneResult('running');
    const { id: other } = await participatingAgency(sut.db);
    expect(await agencyResultOf(sut.db, runId, other)).toBeNull();
    expect(await agencyResultOf(sut.db, runId, agencyId)).toMatchObject({ runId, agencyId });
    await sut.db.execute(sql`delete from agency_results where run_id = ${runId}`);
    expect(await agencyResultOf(sut.db, runId, agencyId)).toBeNull();
  });
});
