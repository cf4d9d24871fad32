// Backup and restore on PostgreSQL (README "Backup and restore"): `prongsai backup` (pg_dump, custom format)
// of a database holding the demo data, `prongsai restore` (pg_restore) into a new empty database, which then
// holds identical data and an intact audit trail. The embedded database's test is
// src/cli/commands/backup.cli.test.ts (it must run the server, which only one process can do there).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditKeyFiles, expectAuditVerifies } from '../../src/cli/commands/backup.testing.ts';
import { type CliSandbox, cliSandbox } from '../../src/cli/commands/cli-sandbox.testing.ts';
import { loadConfig } from '../../src/config.ts';
import { openPostgres } from '../../src/db/client.ts';
import { seedDemo } from '../../src/modules/demo/index.ts';
import { loadBundledFrameworks } from '../../src/modules/frameworks/index.ts';
import { testDriver } from '../helpers/db.ts';
import { tableChecksums } from '../helpers/table-checksums.ts';

describe.runIf(testDriver === 'postgres')('prongsai backup / restore (PostgreSQL)', () => {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  const names = [
    `prongsai_bk_${randomBytes(5).toString('hex')}`,
    `prongsai_rs_${randomBytes(5).toString('hex')}`,
  ];
  const [source, target] = names.map((name) => {
    const u = new URL(process.env.TEST_DATABASE_URL as string);
    u.pathname = `/${name}`;
    return u.toString();
  }) as [string, string];
  let cli: CliSandbox;
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${names[0]} template ${inject('pgTemplate')}`);
    await admin.query(`create database ${names[1]} template template0`);
    cli = await cliSandbox();
  });
  afterAll(async () => {
    for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    cli?.cleanup();
  });

  it('restores the demo data into a new database: same rows in every table, audit trail intact', async () => {
    const database = await openPostgres(source, { migrate: false, poolSize: 2 });
    try {
      await loadBundledFrameworks(database.db);
      await seedDemo({ db: database.db, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() });
    } finally {
      await database.close();
    }
    // A signed checkpoint of the source's trail travels with the backup and still verifies after it.
    const keys = auditKeyFiles(path.join(cli.dataDir, 'keys'));
    const withKey = { AUDIT_SIGNING_KEY_FILE: keys.privateKey };
    const checkpoint = await cli.run(['audit', 'checkpoint'], '', { ...withKey, DATABASE_URL: source });
    expect(checkpoint.code).toBe(0);
    const file = path.join(cli.dataDir, 'demo.pgdump');
    const backup = await cli.run(['backup', '--out', file], '', { DATABASE_URL: source });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('(postgres, pg_dump');

    const notEmpty = await cli.run(['restore', file], '', { DATABASE_URL: source });
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain('not empty');

    const restore = await cli.run(['restore', file], '', { ...withKey, DATABASE_URL: target });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const [before, after] = await Promise.all(
      [source, target].map(async (url) => {
        const db = await openPostgres(url, { migrate: false, poolSize: 1 });
        try {
          if (url === target) {
            await expectAuditVerifies(db.db, [keys.publicKey]);
            const { rows } = await db.db.execute<{ n: number }>(
              sql`select count(*)::int as n from audit_checkpoints`,
            );
            expect(rows[0]?.n).toBe(1);
          }
          return await tableChecksums(db.db);
        } finally {
          await db.close();
        }
      }),
    );
    expect(Object.keys(before ?? {}).length).toBeGreaterThan(30);
    expect(before?.['public.survey_responses']?.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
    rmSync(file);
  }, 120_000);
});
