import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { loadConfig } from '../../config.ts';
import type { Database, Db } from '../../db/client.ts';
import { rateBuckets } from '../../db/schema/index.ts';
import {
  burstWindows,
  flushSubmissionTallies,
  networkPrefix,
  noteSubmission,
  tallySubmission,
} from './burst.ts';
import { participatingAgency } from './quality.fixture.testing.ts';

describe('networkPrefix', () => {
  it('keeps an IPv4 /24 and an IPv6 /48, and treats IPv4-mapped addresses as IPv4', () => {
    expect(networkPrefix('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkPrefix('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkPrefix('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkPrefix('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(networkPrefix('fe80::1%eth0')).toBe('fe80:0:0::/48');
    expect(networkPrefix('not an address')).toBeNull();
  });
});

describe('noteSubmission', () => {
  let sut: Database;
  let agencyId: string;
  const config = loadConfig({ NODE_ENV: 'test' });
  const at = new Date('2025-03-01T03:01:00Z');

  beforeAll(async () => {
    sut = await createTestDatabase();
    agencyId = (await participatingAgency(sut.db)).id;
  });
  afterAll(() => sut.close());

  const note = (clientIp: string, now: Date, id = agencyId) =>
    sut.db.transaction((tx) => noteSubmission(tx, { agencyId: id, year: 2568, clientIp, now, config }));

  it('counts per agency and per network in 10-minute windows', async () => {
    expect(await note('198.51.100.10', at)).toEqual({ agency: 1, network: 1 });
    expect(await note('198.51.100.200', new Date(at.getTime() + 60_000))).toEqual({ agency: 2, network: 2 });
    expect(await note('192.0.2.1', new Date(at.getTime() + 120_000))).toEqual({ agency: 3, network: 1 });
    // 03:10 starts a new window.
    expect(await note('198.51.100.10', new Date('2025-03-01T03:10:00Z'))).toEqual({ agency: 1, network: 1 });
    const windows = await burstWindows(sut.db, config, agencyId, new Date('2025-03-01T03:15:00Z'));
    expect(windows.agency.sort()).toEqual([1, 3]);
    expect(windows.busiestNetwork.sort()).toEqual([1, 2]);
  });

  it('stores keyed hashes only: no address, network or agency id in any key', async () => {
    const rows = await sut.db.select().from(rateBuckets);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).toMatch(/^burst:(agency:[0-9a-f]{64}|net:[0-9a-f]{64}\.[0-9a-f]{64})$/);
      expect(key).not.toContain(agencyId);
      // Hex digests only (format above); a digest may contain any digits, so look for the addresses themselves.
      for (const plain of ['198.51.100', '192.0.2']) expect(key).not.toContain(plain);
    }
    const columns = await sut.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'rate_buckets'`,
    );
    expect((columns.rows as { column_name: string }[]).map((c) => c.column_name).sort()).toEqual([
      'count',
      'key',
      'window_start',
    ]);
  });

  it('purges windows older than 24 hours on the next write', async () => {
    const other = (await participatingAgency(sut.db)).id;
    await note('192.0.2.50', new Date('2025-03-02T03:05:00Z'), other);
    const starts = (await sut.db.select().from(rateBuckets)).map((r) => r.windowStart.toISOString());
    expect(starts.every((s) => s >= '2025-03-01T03:10:00.000Z')).toBe(true);
    const left = await burstWindows(sut.db, config, agencyId, new Date('2025-03-02T03:05:00Z'));
    expect(left.agency).toEqual([1]);
  });
});

describe('burst counts of several instances', () => {
  let sut: Database;
  const config = loadConfig({ NODE_ENV: 'test' });
  beforeAll(async () => {
    sut = await createTestDatabase();
  });
  afterAll(() => sut.close());

  it('add up in the database: each instance flushes its own counts, none is lost or doubled', async () => {
    const agencyId = (await participatingAgency(sut.db)).id;
    // Each instance holds its tally per database handle; a second handle on the same database stands for
    // a second process.
    const instanceA = sut.db;
    const instanceB = Object.create(sut.db) as Db;
    const now = new Date('2025-03-01T03:01:00Z');
    const tally = (db: Db, clientIp: string) =>
      tallySubmission(db, { agencyId, year: 2568, clientIp, now, config });
    for (let i = 0; i < 3; i++) tally(instanceA, `198.51.100.${i + 1}`);
    for (let i = 0; i < 4; i++) tally(instanceB, `198.51.100.${i + 50}`);
    await Promise.all([flushSubmissionTallies(instanceA, now), flushSubmissionTallies(instanceB, now)]);
    await Promise.all([flushSubmissionTallies(instanceA, now), flushSubmissionTallies(instanceB, now)]);
    const windows = await burstWindows(sut.db, config, agencyId, new Date('2025-03-01T03:05:00Z'));
    expect(windows).toMatchObject({ agency: [7], busiestNetwork: [7] });
  });
});
