import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import type { Database } from '../../db/client.ts';
import {
  frameworkVersions,
  participations,
  responseReviews,
  surveyResponses,
} from '../../db/schema/index.ts';
import { bangkokDay, countedResponses, recordResponse } from './index.ts';

describe('recordResponse', () => {
  let sut: Database;
  let agencyId: string;
  const base = () => ({
    submissionId: crypto.randomUUID(),
    agencyId,
    year: 2568,
    instrument: 'IIT',
    frameworkVersion: 1,
    answers: { i1: 'most' },
    durationSeconds: 240,
    channel: 'web' as const,
    now: new Date('2025-03-01T18:30:00Z'),
  });

  beforeAll(async () => {
    sut = await createTestDatabase();
    agencyId = (await makeAgency(sut.db)).id;
    await sut.db
      .insert(frameworkVersions)
      .values({ year: 2568, version: 1, definition: {}, sha256: 'x', origin: 'bundled' });
    await sut.db
      .insert(participations)
      .values({ agencyId, year: 2568, registered: true, registeredAt: new Date() });
  });
  afterAll(() => sut.close());

  it('keeps only the Bangkok day, not the time', async () => {
    const r = base();
    const { id } = await recordResponse(sut.db, r);
    const [row] = await sut.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(row?.submittedOn).toBe('2025-03-02'); // 01:30 on 2 March in Bangkok
    expect(bangkokDay(new Date('2025-03-01T16:59:59Z'))).toBe('2025-03-01');
  });

  it('never records a retried submission twice', async () => {
    const r = base();
    const first = await recordResponse(sut.db, r);
    const again = await recordResponse(sut.db, r);
    expect(again).toEqual({ id: first.id, duplicate: true });
    const rows = await sut.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.submissionId, r.submissionId));
    expect(rows).toHaveLength(1);
  });

  it('refuses a submission id reused for another instrument', async () => {
    const r = base();
    await recordResponse(sut.db, r);
    await expect(recordResponse(sut.db, { ...r, instrument: 'EIT1' })).rejects.toMatchObject({
      code: 'submission_id_reused',
    });
  });

  it('counts responses per instrument without the excluded ones', async () => {
    const other = (await makeAgency(sut.db)).id;
    await sut.db.insert(participations).values({ agencyId: other, year: 2568 });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await recordResponse(sut.db, { ...base(), agencyId: other })).id);
    await recordResponse(sut.db, { ...base(), agencyId: other, instrument: 'EIT1' });
    await sut.db
      .insert(responseReviews)
      .values({ responseId: ids[0] as string, decision: 'exclude', reason: 'speeder' });
    expect(await countedResponses(sut.db, other, 2568)).toEqual({ IIT: 2, EIT1: 1 });
  });
});
