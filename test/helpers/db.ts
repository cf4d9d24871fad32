// A fresh, migrated database for one test file, on the driver this test project runs on.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';

export const testDriver = (process.env.TEST_DB_DRIVER ?? 'pglite') as 'pglite' | 'postgres';

export async function createTestDatabase(): Promise<Database> {
  if (testDriver === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `prongsai_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString(), { migrate: false, poolSize: 4 });
    return {
      ...database,
      async close() {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openPglite({ loadDataDir: blob, migrate: false });
}

/** The constraint a failed query violated (drizzle wraps the driver's error in `cause`), or the message. */
export async function violatedConstraint(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (e) {
    const cause = (e as { cause?: { constraint?: string; message?: string } }).cause;
    return cause?.constraint ?? cause?.message ?? String(e);
  }
  throw new Error('expected the query to fail');
}
