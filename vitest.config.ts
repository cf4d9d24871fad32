import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Pure tests (src/core, src/shared, web) run once; database tests (everything under src/modules, src/db,
// src/app, test/integration) run on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
// `*.cli.test.ts` run the `prongsai` command in a child process, always on its own embedded database (the
// command must work on a fresh checkout): they run once, in the PGlite project.
const dbTests = [
  'src/modules/**/*.test.ts',
  'src/db/**/*.test.ts',
  'src/app/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'test/integration/**/*.test.ts',
];
const cliProcessTests = ['src/cli/**/*.cli.test.ts'];
const env = { TZ: 'Asia/Bangkok', LOG_LEVEL: 'silent', NODE_ENV: 'test' };

export default defineConfig({
  test: {
    projects: [
      {
        // The web app's `@server/…` imports (tsconfig.json "paths", web/vite.config.ts).
        resolve: { alias: { '@server': fileURLToPath(new URL('src', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['src/core/**/*.test.ts', 'src/shared/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
          env,
        },
      },
      {
        test: {
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
