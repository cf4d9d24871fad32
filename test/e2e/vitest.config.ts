// End-to-end tests: the built SPA (dist/web) served by the real server, driven in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    env: { TZ: 'Asia/Bangkok' },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One server and one Chromium at a time: the machine has two cores.
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
