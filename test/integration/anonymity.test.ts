// Respondents' anonymity is a promise: this test inspects the database schema and fails if a table that holds
// answers gains a column that could identify a person, a device or an exact time, or a link to such a table.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase } from '../helpers/db.ts';

const IDENTITY_LIKE =
  /(^|_)(ip|ips|addr|address|user_agent|ua|phone|mobile|tel|email|mail|token|name|contact|device|fingerprint|cookie|session|user|respondent|interview|interviewer|otp|destination|hash|lat|lng|location|geo)(_|$)|_at$|time/;

describe('anonymity of stored answers', () => {
  let db: Database;
  let answerTables: string[];
  beforeAll(async () => {
    db = await createTestDatabase();
    const rows = await db.db.execute<{ table_name: string }>(
      sql`select distinct table_name from information_schema.columns
          where table_schema = 'public' and column_name in ('answers')`,
    );
    answerTables = rows.rows.map((r) => r.table_name);
  });
  afterAll(() => db.close());

  it('finds the response table and the holding table', () => {
    expect(answerTables.sort()).toEqual(['held_responses', 'survey_responses']);
  });

  it('gives tables holding answers no identity-like, time-of-day or linking column', async () => {
    const offending: string[] = [];
    for (const table of answerTables) {
      const cols = await db.db.execute<{ column_name: string; data_type: string }>(
        sql`select column_name, data_type from information_schema.columns
            where table_schema = 'public' and table_name = ${table}`,
      );
      for (const c of cols.rows) {
        if (IDENTITY_LIKE.test(c.column_name)) offending.push(`${table}.${c.column_name}`);
        if (c.data_type.startsWith('timestamp') || c.data_type.startsWith('time '))
          offending.push(`${table}.${c.column_name} (${c.data_type}: only a day may be stored)`);
        if (c.data_type === 'inet' || c.data_type === 'cidr')
          offending.push(`${table}.${c.column_name} (${c.data_type})`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('lets no table point at a response, and lets responses point only at the agency-year and the framework', async () => {
    const fks = await db.db.execute<{ from_table: string; to_table: string }>(
      sql`select tc.table_name as from_table, ccu.table_name as to_table
          from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
    );
    const fromResponses = new Set(
      fks.rows.filter((r) => answerTables.includes(r.from_table)).map((r) => r.to_table),
    );
    expect([...fromResponses].sort()).toEqual(['framework_versions', 'participations']);
    // Only the assessor's review decision may refer to a response (it says nothing about the respondent).
    const toResponses = fks.rows.filter(
      (r) => answerTables.includes(r.to_table) && r.from_table !== r.to_table,
    );
    expect(toResponses.map((r) => r.from_table).sort()).toEqual(['response_reviews']);
  });

  it('keeps used single-use tokens as bare hashes, with nothing to order or re-link them', async () => {
    const cols = await db.db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'used_survey_tokens'`,
    );
    expect(cols.rows.map((c) => c.column_name)).toEqual(['token_hash']);
  });

  it('keeps submission receipts (retry recognition) as bare keyed hashes, apart from the answers', async () => {
    const cols = await db.db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'submission_receipts'`,
    );
    expect(cols.rows.map((c) => c.column_name)).toEqual(['receipt_hash']);
  });

  it('gives answer tables no sequence or default that orders or dates their rows', async () => {
    const defaults = await db.db.execute<{ table_name: string; column_name: string; column_default: string }>(
      sql`select table_name, column_name, column_default from information_schema.columns
          where table_schema = 'public' and table_name in ('survey_responses', 'held_responses')
            and column_default is not null`,
    );
    expect(defaults.rows.map((d) => `${d.table_name}.${d.column_name} = ${d.column_default}`)).toEqual([
      'held_responses.id = gen_random_uuid()',
      'survey_responses.id = gen_random_uuid()',
    ]);
  });
});
