// Runs `prongsai …` in the test's own process: the same parsing, command, output and exit code as the binary,
// on the test project's database (PGlite or PostgreSQL), without a child process per case. Each command keeps
// one real run of the binary in its `*.cli.test.ts` (cli-sandbox.testing.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import type { CliIo } from '../io.ts';
import { runCli } from '../program.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliInProcess {
  /** PRONGSAI_DATA_DIR of every run (where a development audit signing key is written). */
  dataDir: string;
  /** The test database the commands use. */
  database: Database;
  /**
   * `prongsai <args>` with `stdin` (not a terminal) and `env` over the test environment. `ownDatabase`: the
   * command opens the configured database itself (PRONGSAI_DATA_DIR), as the binary does, instead of the test's.
   */
  run(
    args: string[],
    stdin?: string,
    env?: Record<string, string>,
    options?: { ownDatabase?: boolean },
  ): Promise<CliRun>;
  cleanup(): Promise<void>;
}

/**
 * `prongsai <args>` in this process with `env` over the test environment (minus DATABASE_URL) and `stdin` (not
 * a terminal); on `database` when given, else on the database the environment configures, as the binary does.
 */
export async function runInProcess(
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string; database?: Database } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  const io: CliIo = {
    env: { ...env, ...opts.env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(opts.stdin ? [Buffer.from(opts.stdin)] : []),
    ...(opts.database ? { database: opts.database } : {}),
  };
  const code = (await runCli(args, io)) ?? 0;
  return { code, stdout, stderr };
}

export async function cliInProcess(): Promise<CliInProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-cli-'));
  const database = await createTestDatabase();
  return {
    dataDir,
    database,
    run: (args, stdin, env = {}, options = {}) =>
      runInProcess(args, {
        env: { PRONGSAI_DATA_DIR: dataDir, ...env },
        stdin,
        ...(options.ownDatabase ? {} : { database }),
      }),
    async cleanup() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
