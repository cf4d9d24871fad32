import { configDefaults, defineConfig } from 'vitest/config';

// Pure tests (src/core, src/shared, web) run once; database tests (everything under src/modules, src/db,
// src/app, src/cli, test/integration) run on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
// `*.cli.test.ts` run the `prongsai` binary in a child process, always on its own embedded database (the
// command must work on a fresh checkout): they run once, in the PGlite project.
//
// Speed (ARCHITECTURE.md "Testing"): two workers (the CI machine has two cores), and files are not isolated
// from each other: a worker imports the application once and runs file after file in it. Each file still gets
// its own database, so a test file must not leave anything behind in module state that another file could
// see (no vi.mock, no changed process.env; a started background job is stopped in the file's afterAll).
const dbTests = [
  'src/modules/**/*.test.ts',
  'src/db/**/*.test.ts',
  'src/app/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'test/integration/**/*.test.ts',
];
const cliProcessTests = ['src/cli/**/*.cli.test.ts'];
const env = { TZ: 'Asia/Bangkok', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
const shared = { isolate: false, env };

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
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
          include: dbTests,
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
