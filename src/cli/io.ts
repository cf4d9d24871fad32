// Shared by CLI commands: errors with exit codes, stdin reading, opening the configured database.
import { config } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runningServer } from '../ops/control.ts';

/** An error the CLI reports on stderr with an exit code (2 = bad input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A secret typed at a prompt without echo (twice, when `again` is given), or, when standard input is not a
 * terminal, its first line (for scripts: `printf '%s\n' "$PW" | prongsai …`). Never from the command line.
 */
export async function readSecret(prompt: string, again?: string): Promise<string> {
  if (!process.stdin.isTTY) return (await readStdin()).split(/\r?\n/)[0] ?? '';
  const first = await promptHidden(prompt);
  if (again !== undefined && (await promptHidden(again)) !== first)
    throw new CliError('รหัสผ่านสองครั้งไม่ตรงกัน / The two passwords differ');
  return first;
}

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: CliError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
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
    stdin.on('data', onData);
  });
}

/** Opens (and migrates) the configured database, runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const cfg = config();
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
  const database = await openDatabase(cfg);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
