import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Which tests run where (ARCHITECTURE.md "Testing"):
// - unit: pure tests (src/core, src/shared, web), once.
// - db-postgres, when TEST_DATABASE_URL is set (as in CI): every database test (src/modules, src/db, src/app,
//   src/cli, test/integration).
// - db-pglite: with TEST_DATABASE_URL, only the files in PGLITE_TOO below; without it (a developer without
//   PostgreSQL), every database test, so nothing is skipped.
// - `*.cli.test.ts` run the `prongsai` binary in a child process, always on its own embedded database (the
//   command must work on a fresh checkout): once, in db-pglite.
//
// Speed: two workers (the CI machine has two cores), and files are not isolated from each other: a worker
// imports the application once and runs file after file in it. Each file still gets its own database, so a
// test file must not leave anything behind in module state that another file could see (no vi.mock, no changed
// process.env, a started background job stopped in the file's afterAll).
const dbTests = [
  'src/modules/**/*.test.ts',
  'src/db/**/*.test.ts',
  'src/app/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'test/integration/**/*.test.ts',
];
const cliProcessTests = ['src/cli/**/*.cli.test.ts'];

/**
 * The database tests that also run on PGlite when PostgreSQL runs them all. Both drivers run the same SQL on
 * the same engine (PGlite is PostgreSQL compiled to WebAssembly), so a test belongs here when what it checks
 * depends on the driver or on running embedded: add a file (or a folder, ending in /) with the reason. A path
 * that no longer exists fails the run (a renamed test must not drop out silently).
 */
const PGLITE_TOO: Record<string, string> = {
  'src/db/': 'the migrations and schema on the embedded engine',
  'src/cli/': 'what operators run on the embedded default, and the binary itself (*.cli.test.ts)',
  'src/modules/audit/audit.append.test.ts': 'the database itself refuses to change or delete audit entries',
  'src/modules/evidence/evidence.worker.test.ts':
    'job claims (FOR UPDATE SKIP LOCKED, leases) on one connection',
  'src/modules/notices/notices.test.ts':
    'notice claims (FOR UPDATE SKIP LOCKED, leases, two senders) and the unique keys on one connection',
  'src/modules/rate-limits/': 'counters kept by one atomic upsert, concurrent requests on one connection',
  'src/modules/agencies/': "reads the driver's error (a taken agency code is a unique violation)",
  'src/modules/users/': "reads the driver's error (a taken username or e-mail is a unique violation)",
  'src/modules/responses/':
    'the one write path for answers: holding, the advisory-locked intake, the release',
  'src/modules/demo/seed.finished.test.ts':
    'the demo seeds at every start on the embedded default: a processing run and a publication after the seed transaction, on one connection',
  'src/modules/respond/respond.routes.test.ts':
    'collection end to end: access, questionnaire, submit, receipts',
  'src/modules/respond/respond.capacity.test.ts': 'the IIT cap under a per-agency-year advisory lock',
  'src/modules/oit/oit.workflow.test.ts': "OIT end to end under the review row's lock",
  'src/modules/audit-trail/audit-trail.filters.test.ts':
    'day filters at Bangkok midnight: timestamps as each driver sends and reads them',
  'src/modules/results/':
    'processing runs: claims and leases, one active run per year, the immutability triggers',
  'src/modules/microdata/':
    'the export streams a COPY per driver: to a blob on the embedded engine, over the wire on PostgreSQL',
  'src/modules/measures/measures.routes.test.ts':
    'the measures chain end to end, and the trigger that locks an approved document, on the embedded engine',
  'test/integration/relinking.test.ts':
    'the anonymity of stored answers depends on how the engine stores rows',
  'test/integration/anonymity.test.ts': 'the schema of the tables holding answers, as the engine reports it',
  'test/integration/fuzz.test.ts':
    'every route with malformed input: the errors the driver raises become 4xx',
};
for (const file of Object.keys(PGLITE_TOO))
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url))))
    throw new Error(`vitest.config.ts PGLITE_TOO: ${file} does not exist`);
const pgliteTests = process.env.TEST_DATABASE_URL
  ? Object.keys(PGLITE_TOO).map((p) => (p.endsWith('/') ? `${p}**/*.test.ts` : p))
  : dbTests;
const env = { TZ: 'Asia/Bangkok', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
const shared = { isolate: false, env };

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        // The web app's `@server/…` imports (tsconfig.json "paths", web/vite.config.ts).
        resolve: { alias: { '@server': fileURLToPath(new URL('src', import.meta.url)) } },
        test: {
          ...shared,
          name: 'unit',
          include: ['src/core/**/*.test.ts', 'src/shared/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          ...shared,
          name: 'db-pglite',
          include: pgliteTests,
          // build-server: the CLI process tests run `prongsai` with NODE_ENV=production on the compiled code.
          globalSetup: ['test/helpers/global-setup.ts', 'test/helpers/build-server.ts'],
          env: { ...env, TEST_DB_DRIVER: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...shared,
                name: 'db-postgres',
                include: dbTests,
                exclude: [...configDefaults.exclude, ...cliProcessTests],
                globalSetup: ['test/helpers/global-setup.ts'],
                env: { ...env, TEST_DB_DRIVER: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
