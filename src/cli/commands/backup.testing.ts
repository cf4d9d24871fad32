// For the backup tests of both drivers: the one place where a restored database's audit trail is checked
// (the check `prongsai audit verify` runs), and a server started as an operator would.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { DbOrTx } from '../../db/client.ts';
import { auditVerifySummary } from './audit-verify.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The restored database's audit trail must verify: the check `prongsai audit verify` (and `restore`) runs.
 * The one place the backup tests of both drivers check it.
 */
export async function expectAuditVerifies(db: DbOrTx, publicKeys?: string[]) {
  await expect(auditVerifySummary(db, { publicKeys })).resolves.toContain('Audit log intact');
}

/**
 * An audit-checkpoint signing key kept outside the data folder, as production keeps it: the server signs
 * with it and a restore elsewhere verifies the checkpoints with it (README "Backup and restore").
 */
export function auditKeyFiles(dir: string): { privateKey: string; publicKey: string } {
  mkdirSync(dir, { recursive: true });
  const pair = generateKeyPairSync('ed25519');
  const privateKey = path.join(dir, 'audit-signing-key.pem');
  const publicKey = path.join(dir, 'audit-public-key.pem');
  writeFileSync(privateKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey };
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
