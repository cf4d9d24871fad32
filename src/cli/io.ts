// Shared by CLI commands: errors with exit codes, stdin reading, opening the configured database.
import { config } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';

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

/** Opens (and migrates) the configured database, runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
