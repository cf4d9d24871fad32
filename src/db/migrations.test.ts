import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, violatedConstraint } from '../../test/helpers/db.ts';
import type { Database } from './client.ts';

describe('migrated database', () => {
  let sut: Database;
  beforeAll(async () => {
    sut = await createTestDatabase();
  });
  afterAll(() => sut.close());

  it('has the foundation tables', async () => {
    const rows = await sut.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.rows.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(['agencies', 'users', 'sessions', 'framework_versions']));
  });

  it('rejects an agency role without an agency (the database enforces it, not only TypeScript)', async () => {
    const constraint = await violatedConstraint(
      sut.db.execute(
        sql`insert into users (username, display_name, password_hash, role) values ('x-admin', 'X', 'h', 'agency_admin')`,
      ),
    );
    expect(constraint).toBe('users_agency_roles_have_agency');
  });
});
