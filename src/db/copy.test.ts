// COPY as CSV on both drivers: literals survive quoting, a statement with a bind parameter is refused, a
// reader that stops early leaves the database usable, and what the first query saw is what `then` decides on.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import type { Database } from './client.ts';
import { integerLiteral, readingAhead, readThenCopy, sqlLiteral, sqlText, uuidArrayLiteral } from './copy.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function copied(select: ReturnType<typeof sql>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of readThenCopy(database.db, sql`select 1`, () => select)) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

describe('readThenCopy', () => {
  it('copies literals back as they were written, in PostgreSQL CSV', async () => {
    const awkward = `O'Reilly \\ "quoted", ไทย\nline`;
    const out = await copied(sql`select ${sqlLiteral(awkward)}, ${integerLiteral(-42)}, null, ''`);
    expect(out).toBe(`"O'Reilly \\ ""quoted"", ไทย\nline",-42,,""\n`);
  });

  it('hands the first query’s rows to `then`, and copies nothing when it says so', async () => {
    const seen: unknown[] = [];
    const chunks = readThenCopy<{ n: number }>(database.db, sql`select 7 as n`, (rows) => {
      seen.push(...rows.map((r) => r.n));
      return null;
    });
    for await (const _ of chunks) throw new Error('nothing should be copied');
    expect(seen).toEqual([7]);
  });

  it('leaves the database usable when the reader stops in the middle of a COPY', async () => {
    const big = sql`select g, repeat('x', 200) from generate_series(1, 20000) g`;
    // More times than the test pool has connections (4): a connection not given back would hang here.
    for (let i = 0; i < 6; i++) {
      for await (const _ of readThenCopy(database.db, sql`select 1`, () => big)) break;
    }
    const after = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from generate_series(1, 3)`,
    );
    expect(after.rows[0]?.n).toBe(3);
    expect((await copied(sql`select 1`)).trim()).toBe('1');
  });
});

describe('readingAhead', () => {
  /** A source that logs when it starts and when it is closed. */
  const source = (name: string, items: number[], events: string[]) =>
    async function* () {
      events.push(`start ${name}`);
      try {
        for (const i of items) yield i;
      } finally {
        events.push(`close ${name}`);
      }
    };

  it('gives every item in order, each source started while the one before is read', async () => {
    const events: string[] = [];
    const got: number[] = [];
    for await (const i of readingAhead([
      source('a', [1, 2], events),
      source('b', [3], events),
      source('c', [], events),
    ]))
      got.push(i);
    expect(got).toEqual([1, 2, 3]);
    expect(events.indexOf('start b')).toBeLessThan(events.indexOf('close a'));
    expect(events.filter((e) => e.startsWith('close')).sort()).toEqual(['close a', 'close b', 'close c']);
  });

  it('closes the current and the next source when the reader stops', async () => {
    const events: string[] = [];
    for await (const i of readingAhead([
      source('a', [1, 2], events),
      source('b', [3], events),
      source('c', [4], events),
    ]))
      if (i === 1) break;
    expect(events.sort()).toEqual(['close a', 'close b', 'start a', 'start b']);
  });

  it('passes a failure of the next source on when its turn comes, not before', async () => {
    const got: number[] = [];
    const failing = async function* (): AsyncGenerator<number> {
      yield* [];
      throw new Error('batch failed');
    };
    const run = async () => {
      for await (const i of readingAhead([source('a', [1, 2], []), failing])) got.push(i);
    };
    await expect(run()).rejects.toThrow('batch failed');
    expect(got).toEqual([1, 2]);
  });
});

describe('statement text', () => {
  it('refuses a statement with a bind parameter (a value not inlined through the literal helpers)', () => {
    expect(() => sqlText(sql`select ${'x'}`)).toThrow(/bind parameter/);
    expect(sqlText(sql`select ${sqlLiteral("a'b")}`)).toBe(`select E'a''b'`);
  });

  it('accepts only what it can vouch for', () => {
    expect(() => integerLiteral(1.5)).toThrow();
    expect(() => sqlLiteral('a\0b')).toThrow();
    expect(() => uuidArrayLiteral(["x'); drop table agencies; --"])).toThrow(/not a uuid/);
    expect(sqlText(uuidArrayLiteral(['00000000-0000-4000-8000-000000000000']))).toBe(
      `'{00000000-0000-4000-8000-000000000000}'::uuid[]`,
    );
  });
});
