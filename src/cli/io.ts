// Shared by CLI commands: where a command reads and writes (the process, or a test's buffers), errors with
// exit codes, stdin reading, the configuration and the configured database.
//
// Loading rule (ARCHITECTURE.md "Testing", the command line): this file and every command file import
// statically only node:*, `commander` and type-only imports. What a command needs to run (configuration,
// database, modules, the server) is loaded with `await import()` inside its action, so `prongsai --help` and
// each command load only their own code (src/cli/lazy-imports.test.ts checks it).
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';

/** An error the CLI reports on stderr with an exit code (2 = bad input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Where a command runs: the process (`processIo`), or a test's environment and buffers. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: AsyncIterable<string | Buffer> & {
    isTTY?: boolean;
    setRawMode?(raw: boolean): unknown;
    setEncoding?(encoding: BufferEncoding): unknown;
    resume?(): unknown;
    pause?(): unknown;
    on?(event: 'data', listener: (chunk: string) => void): unknown;
    off?(event: 'data', listener: (chunk: string) => void): unknown;
  };
  /**
   * Tests only: the database commands use instead of opening the configured one (not closed by the command,
   * not migrated again). Without it, commands open PRONGSAI_DATA_DIR or DATABASE_URL as production does.
   */
  database?: Database;
}

export const processIo = (): CliIo => ({
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});

const configs = new WeakMap<CliIo, Config>();
/** The configuration from the command's environment (read once per run). */
export async function cliConfig(io: CliIo): Promise<Config> {
  let cfg = configs.get(io);
  if (!cfg) {
    const { loadConfig } = await import('../config.ts');
    cfg = loadConfig(io.env);
    configs.set(io, cfg);
  }
  return cfg;
}

export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A secret typed at a prompt without echo (twice, when `again` is given), or, when standard input is not a
 * terminal, its first line (for scripts: `printf '%s\n' "$PW" | prongsai …`). Never from the command line.
 */
export async function readSecret(io: CliIo, prompt: string, again?: string): Promise<string> {
  if (!io.stdin.isTTY) return (await readStdin(io)).split(/\r?\n/)[0] ?? '';
  const first = await promptHidden(io, prompt);
  if (again !== undefined && (await promptHidden(io, again)) !== first)
    throw new CliError('รหัสผ่านสองครั้งไม่ตรงกัน / The two passwords differ');
  return first;
}

function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  io.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.setEncoding?.('utf8');
  stdin.resume?.();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: CliError) => {
      stdin.off?.('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause?.();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return finish();
        if (c === '\u0003' || c === '\u0004') return finish(new CliError('cancelled / ยกเลิก', 130));
        if (c === '\u007f' || c === '\b') value = value.slice(0, -1);
        else value += c;
      }
    };
    stdin.on?.('data', onData);
  });
}

/** Opens (and migrates) the configured database, runs `fn`, and always closes it. */
export async function withDatabase<T>(io: CliIo, fn: (database: Database) => Promise<T>): Promise<T> {
  if (io.database) return fn(io.database);
  const cfg = await cliConfig(io);
  const { runningServer } = await import('../ops/control.ts');
  // Two processes on one PGlite folder corrupt it: while the server runs, it alone opens the database.
  const server = cfg.databaseUrl ? null : runningServer(cfg.dataDir);
  if (server !== null)
    throw new CliError(
      `The server (process ${server}) is using the embedded database in ${cfg.dataDir}: stop it first ` +
        '(only one process may open it; `prongsai backup` works while it runs; if no server runs, delete ' +
        `${cfg.dataDir}/control.json).\n` +
        `เซิร์ฟเวอร์ (process ${server}) กำลังใช้ฐานข้อมูลใน ${cfg.dataDir} อยู่ กรุณาหยุดเซิร์ฟเวอร์ก่อน`,
      1,
    );
  const { openDatabase } = await import('../db/client.ts');
  const database = await openDatabase(cfg);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
