// Proof that a rejected request changed no row, two ways over one list of exceptions: a fingerprint of every
// table (one md5 per table over its rows as JSON, sorted, in one query) to compare a before and an after; and,
// for the fuzz suite's thousands of attempts, a change log — a row trigger on every table notes each insert,
// delete and update that changes a value, so a check reads what was noted instead of hashing every table.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

const ATTEMPT_RECORDS: Record<string, readonly string[] | 'all'> = {
  // Rolling sessions: every request of a signed-in user moves the expiry.
  sessions: 'all',
  // Rate-limit and burst counters count every attempt, rejected ones first of all.
  rate_buckets: 'all',
  // A wrong password counts towards the lockout.
  users: ['failed_logins', 'locked_until'],
  // A wrong one-time code counts towards the challenge's attempt limit.
  otp_challenges: ['attempts'],
};

export type Fingerprint = Map<string, string>;

let tablesCache: { db: Db; query: ReturnType<typeof sql.raw> } | null = null;

async function fingerprintQuery(db: Db) {
  if (tablesCache?.db === db) return tablesCache.query;
  const result = await db.execute<{ name: string }>(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const parts: string[] = [];
  for (const { name } of result.rows) {
    const rule = ATTEMPT_RECORDS[name];
    if (rule === 'all') continue;
    const minus = rule ? ` - array[${rule.map((c) => `'${c}'`).join(', ')}]::text[]` : '';
    const ident = `"${name.replaceAll('"', '""')}"`;
    parts.push(
      `select '${name}' as name, md5(coalesce(string_agg(j::text, '|' order by j::text), '')) as sum ` +
        `from (select to_jsonb(t)${minus} as j from ${ident} t) s`,
    );
  }
  const query = sql.raw(parts.join('\nunion all\n'));
  tablesCache = { db, query };
  return query;
}

export async function fingerprint(db: Db): Promise<Fingerprint> {
  const result = await db.execute<{ name: string; sum: string }>(await fingerprintQuery(db));
  return new Map(result.rows.map((r) => [r.name, r.sum]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}

/**
 * Every row change from now on, table by table: an insert, a delete, or an update that changes a value
 * outside the columns `ATTEMPT_RECORDS` allows (an update writing the same values is no change, as for the
 * fingerprint). Stricter than comparing fingerprints: a change undone before the check is noted too. Notes
 * made in a transaction that rolls back go with it. Installs triggers in this test database only.
 */
export async function changeLog(db: Db) {
  const result = await db.execute<{ name: string }>(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const statements = [
    'create table fuzz_row_changes (table_name text not null)',
    `create function fuzz_note_row_change() returns trigger language plpgsql as $$
     begin
       if tg_op = 'UPDATE'
          and to_jsonb(new) - coalesce(tg_argv, '{}'::text[]) = to_jsonb(old) - coalesce(tg_argv, '{}'::text[])
       then return null; end if;
       insert into fuzz_row_changes values (tg_table_name);
       return null;
     end $$`,
  ];
  for (const { name } of result.rows) {
    const rule = ATTEMPT_RECORDS[name];
    if (rule === 'all') continue;
    const ident = `"${name.replaceAll('"', '""')}"`;
    const allowed = rule ? rule.map((c) => `'${c}'`).join(', ') : '';
    statements.push(
      `create trigger fuzz_row_change after insert or update or delete on ${ident} ` +
        `for each row execute function fuzz_note_row_change(${allowed})`,
    );
  }
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
  return {
    /** The tables changed since the last call (or since the log was made), and forgets them. */
    async take(): Promise<string[]> {
      const taken = await db.execute<{ table_name: string }>(
        sql`delete from fuzz_row_changes returning table_name`,
      );
      return [...new Set(taken.rows.map((r) => r.table_name))].sort();
    },
  };
}
