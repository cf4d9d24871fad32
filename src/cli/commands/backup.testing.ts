// For the backup tests of both drivers: the one place where a restored database's audit trail is checked
// (the check `prongsai audit verify` runs), and a server started as an operator would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { DbOrTx } from '../../db/client.ts';
import { auditVerifySummary } from './audit.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The restored database's audit trail must verify: the check `prongsai audit verify` (and `restore`) runs.
 * The one place the backup tests of both drivers check it.
 */
export async function expectAuditVerifies(db: DbOrTx) {
  await expect(auditVerifySummary(db)).resolves.toContain('Audit log intact');
}

export interface RunningServer {
  url: string;
  /** Every "Server listening at …" address the server logged (complete once it stopped). */
  listening(): string[];
  stdout(): string;
  stop(): Promise<number | null>;
}

/** `prongsai start` in a child process on a free port; resolves once it serves. */
export function startServer(env: Record<string, string | undefined>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['bin/prongsai.mjs', 'start'], {
    cwd: ROOT,
    env: { ...env, PORT: '0', LOG_LEVEL: 'info' },
  });
  child.stdout.setEncoding('utf8');
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    err += d;
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    closed.then((code) => reject(new Error(`server exited (${code}) before serving:\n${out}\n${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const port = /Listening on [^ ]*:(\d+)/.exec(out)?.[1];
      if (!out.includes('is running at') || !port) return;
      resolve({
        url: `http://127.0.0.1:${port}`,
        listening: () =>
          [...out.matchAll(/Server listening at (http:\/\/[^"]+)/g)].map((m) => m[1] as string),
        stdout: () => out,
        stop: () => {
          child.kill('SIGTERM');
          return closed;
        },
      });
    });
  });
}
