// Runs `node bin/prongsai.mjs` as a user would, on an embedded database in a temporary data folder shared
// by one test file (creating a PGlite database takes seconds). Always PGlite: the CLI must work on a fresh
// checkout, whichever driver the test project uses.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { openPglite } from '../../db/client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dataDir: string;
  /** `env` overrides the sandbox's environment (e.g. another PRONGSAI_DATA_DIR). */
  run(args: string[], stdin?: string, env?: Record<string, string>): Promise<CliRun>;
  cleanup(): void;
}

export async function cliSandbox(): Promise<CliSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-cli-'));
  // Start from the run's migrated template when this project built one: saves the child an initdb.
  const template = inject('pgliteTemplate') as string | undefined;
  if (template) {
    const seeded = await openPglite({
      dataDir: path.join(dataDir, 'pglite'),
      loadDataDir: new Blob([readFileSync(template)]),
      migrate: false,
    });
    await seeded.close();
  }
  const env: Record<string, string | undefined> = { ...process.env, PRONGSAI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return {
    dataDir,
    run: (args, stdin, overrides = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['bin/prongsai.mjs', ...args], {
          cwd: ROOT,
          env: { ...env, ...overrides },
        });
        // Decoded as a stream: a Thai character may be split across two chunks.
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => {
          stdout += d;
        });
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(stdin ?? '');
      }),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
