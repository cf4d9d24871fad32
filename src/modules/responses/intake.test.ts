import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { makeAgency } from '../../../test/helpers/factories.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import {
  frameworkVersions,
  heldResponses,
  participations,
  responseReviews,
  surveyResponses,
} from '../../db/schema/index.ts';
import {
  bangkokDay,
  claimReceipt,
  countedResponses,
  hasReceipt,
  holdResponse,
  insertReleased,
  receivedCount,
} from './index.ts';

describe('holding responses', () => {
  let sut: Database;
  let agencyId: string;
  const config = loadConfig({ NODE_ENV: 'test' });
  const base = () => ({
    agencyId,
    year: 2568,
    instrument: 'IIT',
    frameworkVersion: 1,
    answers: { i1: 'most' },
    durationSeconds: 240 as number | null,
    channel: 'web' as const,
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

  it('keeps the duration as a band, never in seconds, and writes nothing to survey_responses', async () => {
    const other = (await makeAgency(sut.db)).id;
    await sut.db.insert(participations).values({ agencyId: other, year: 2568 });
    await holdResponse(sut.db, { ...base(), agencyId: other, durationSeconds: 250 });
    await holdResponse(sut.db, { ...base(), agencyId: other, durationSeconds: null });
    const held = await sut.db.select().from(heldResponses).where(eq(heldResponses.agencyId, other));
    expect(held.map((h) => h.durationBand).sort()).toEqual([4, null]);
    expect(await sut.db.select().from(surveyResponses).where(eq(surveyResponses.agencyId, other))).toEqual(
      [],
    );
  });

  it('recognises a retried submission by its receipt, which holds no submission id in the clear', async () => {
    const s = { agencyId, instrument: 'IIT', submissionId: crypto.randomUUID() };
    expect(await hasReceipt(sut.db, config, s)).toBe(false);
    expect(await claimReceipt(sut.db, config, s)).toBe(true);
    expect(await claimReceipt(sut.db, config, s)).toBe(false);
    expect(await hasReceipt(sut.db, config, s)).toBe(true);
    // The same id for another survey is another submission.
    expect(await claimReceipt(sut.db, config, { ...s, instrument: 'EIT1' })).toBe(true);
    const rows = await sut.db.execute<{ receipt_hash: string }>(
      'select receipt_hash from submission_receipts',
    );
    expect(JSON.stringify(rows.rows)).not.toContain(s.submissionId);
  });

  it('counts held and released responses, without the excluded ones; a cap counts them all', async () => {
    const other = (await makeAgency(sut.db)).id;
    await sut.db.insert(participations).values({ agencyId: other, year: 2568 });
    const { durationSeconds: _seconds, ...kept } = base();
    const row = { ...kept, agencyId: other, durationBand: 4, submittedOn: '2025-03-02' };
    const ids = await insertReleased(sut.db, [row, row, row, { ...row, instrument: 'EIT1' }]);
    await holdResponse(sut.db, { ...base(), agencyId: other });
    await sut.db
      .insert(responseReviews)
      .values({ responseId: ids[0] as string, decision: 'exclude', reason: 'speeder' });
    expect(await countedResponses(sut.db, other, 2568)).toEqual({ IIT: 3, EIT1: 1 });
    expect(await receivedCount(sut.db, other, 2568, 'IIT')).toBe(4);
  });

  it('keeps only the Bangkok day', () => {
    expect(bangkokDay(new Date('2025-03-01T18:30:00Z'))).toBe('2025-03-02');
    expect(bangkokDay(new Date('2025-03-01T16:59:59Z'))).toBe('2025-03-01');
  });
});
