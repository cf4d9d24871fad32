// Row count and checksum of every table (the app's and the migrations' bookkeeping): two databases with equal
// checksums hold the same rows. Rows are compared as their text form, sorted, so physical order does not matter.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.ts';

export type TableChecksums = Record<string, { rows: number; md5: string }>;

export async function tableChecksums(db: DbOrTx): Promise<TableChecksums> {
  const tables = await db.execute<{ name: string }>(
    sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
         where schemaname in ('public', 'drizzle') order by 1`,
  );
  const result: TableChecksums = {};
  for (const { name } of tables.rows) {
    const { rows } = await db.execute<{ rows: number; md5: string | null }>(
      sql.raw(`select count(*)::int as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as md5
                 from ${name} t`),
    );
    result[name] = { rows: rows[0]?.rows ?? 0, md5: rows[0]?.md5 ?? '' };
  }
  return result;
}
