import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { rateBuckets } from '../../db/schema/index.ts';
import { bumpWindow, bumpWindows, purgeWindows, windowCounts, windowsSince } from './index.ts';

const w0 = new Date('2025-03-01T03:00:00Z');
const w1 = new Date('2025-03-01T04:00:00Z');

describe('rate-limit windows', () => {
  let sut: Database;
  beforeAll(async () => {
    sut = await createTestDatabase();
  });
  afterAll(async () => {
    await sut.close();
  });

  const keysLeft = async () =>
    (await sut.db.select().from(rateBuckets))
      .map((r) => `${r.key}@${r.windowStart.toISOString()}=${r.count}`)
      .sort();

  it('counts per key and window, returning the new count, and reads counts back (0 when absent)', async () => {
    expect(await bumpWindow(sut.db, 't1:a', w0)).toBe(1);
    expect(await bumpWindow(sut.db, 't1:a', w0)).toBe(2);
    expect(await bumpWindow(sut.db, 't1:a', w0, 3)).toBe(5);
    expect(await bumpWindow(sut.db, 't1:a', w1)).toBe(1);
    expect(await bumpWindow(sut.db, 't1:b', w0, 4)).toBe(4);
    const counts = await windowCounts(sut.db, ['t1:a', 't1:b', 't1:none'], w0);
    expect(Object.fromEntries(counts)).toEqual({ 't1:a': 5, 't1:b': 4, 't1:none': 0 });
    expect((await windowCounts(sut.db, [], w0)).size).toBe(0);
  });

  it('adds to many counters at once: new ones start at the amount, existing ones grow', async () => {
    await bumpWindow(sut.db, 't5:a', w0, 2);
    await bumpWindows(sut.db, [
      { key: 't5:b', windowStart: w0, by: 3 },
      { key: 't5:a', windowStart: w0, by: 4 },
      { key: 't5:a', windowStart: w1, by: 1 },
    ]);
    await bumpWindows(sut.db, []);
    expect(Object.fromEntries(await windowCounts(sut.db, ['t5:a', 't5:b'], w0))).toEqual({
      't5:a': 6,
      't5:b': 3,
    });
    expect((await windowCounts(sut.db, ['t5:a'], w1)).get('t5:a')).toBe(1);
  });

  it('rolls a count back with the transaction it was made in', async () => {
    await expect(
      sut.db.transaction(async (tx) => {
        expect(await bumpWindow(tx, 't2:a', w0)).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await windowCounts(sut.db, ['t2:a'], w0)).get('t2:a')).toBe(0);
  });

  it('finds the windows since an instant of a key and of the keys under a prefix', async () => {
    await bumpWindow(sut.db, 't3:agency', w0);
    await bumpWindow(sut.db, 't3:agency', w1, 2);
    await bumpWindow(sut.db, 't3:net.x', w1, 3);
    await bumpWindow(sut.db, 't3:net', w1, 9); // neither the key nor under the prefix
    const rows = await windowsSince(sut.db, { key: 't3:agency', prefix: 't3:net.' }, w1);
    expect(rows.map((r) => `${r.key}@${r.windowStart.toISOString()}=${r.count}`).sort()).toEqual([
      `t3:agency@${w1.toISOString()}=2`,
      `t3:net.x@${w1.toISOString()}=3`,
    ]);
  });

  it('purges only the ended windows under its prefix, taking the prefix literally', async () => {
    await sut.db.delete(rateBuckets);
    await bumpWindow(sut.db, 'p_x:old', w0);
    await bumpWindow(sut.db, 'p_x:new', w1);
    await bumpWindow(sut.db, 'pAx:old', w0); // '_' must not act as a wildcard
    await bumpWindow(sut.db, 'other:old', w0);
    await purgeWindows(sut.db, 'p_x:', w1);
    expect(await keysLeft()).toEqual(
      [
        `other:old@${w0.toISOString()}=1`,
        `p_x:new@${w1.toISOString()}=1`,
        `pAx:old@${w0.toISOString()}=1`,
      ].sort(),
    );
    await expect(purgeWindows(sut.db, '', w1)).rejects.toThrow();
  });
});
