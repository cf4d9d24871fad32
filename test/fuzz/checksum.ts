// A fingerprint of every table, to prove a rejected request changed no row: one md5 per table over its rows
// as JSON, sorted, in one query.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

/**
 * What a rejected request may change by design, and why. Only records of *attempts* belong here: they
 * exist to count rejected requests. Anything else a rejected request changes is a defect.
 */
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
