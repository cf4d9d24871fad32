// Runs once per test run: builds one migrated database template per driver, so that each test file only
// clones it (PGlite: loadDataDir from a dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/db/client.ts';

const TMP = path.resolve('.tmp');

export default async function setup(project: TestProject) {
  const driver = project.name === 'db-postgres' ? 'postgres' : 'pglite';
  if (driver === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL');
    const template = `prongsai_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const tpl = await openPostgres(u.toString(), { poolSize: 1 });
    await tpl.close();
    project.provide('pgTemplate', template);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
      await admin.end();
    };
  }
  mkdirSync(TMP, { recursive: true });
  const lite = await openPglite();
  const dump = await lite.client.dumpDataDir('gzip');
  await lite.close();
  const file = path.join(TMP, `pglite-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}
