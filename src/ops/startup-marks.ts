// Start-up tasks that can prove they have nothing to do (src/modules/startup.ts): each digests everything its
// work depends on into a fingerprint, and the database keeps the fingerprint of the task's last completed
// run. Same fingerprint → the work was done for exactly these inputs → skipped. The digest of a task's own
// code is read from the files the server runs (src/ under tsx, dist/server/ compiled), so any change to it —
// a new demo agency, a fixed province name, a loader rule — runs the task again once.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { startupMarks } from '../db/schema/index.ts';

/** SHA-256 (hex) of the parts, each length-prefixed so that no two different lists digest alike. */
export function fingerprintOf(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

const isTestFile = (name: string) => /\.(test|testing|bench)\.[cm]?[jt]s$/.test(name);

/**
 * A digest of the files in `dir` (recursively) that `keep` accepts: their paths and contents. Test files are
 * left out; so are source maps, which a rebuild may change without changing the code.
 */
export function filesDigest(dir: string, keep: (name: string) => boolean = () => true): string {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => keep(f) && !isTestFile(f) && !f.endsWith('.map'))
    .sort();
  const parts: (string | Uint8Array)[] = [];
  for (const file of files) {
    let content: Buffer;
    try {
      content = readFileSync(path.join(dir, file));
    } catch {
      continue; // a folder
    }
    parts.push(file, content);
  }
  return fingerprintOf(parts);
}

/** The digest of the code in each folder, e.g. `codeDigest(new URL('.', import.meta.url))` for a module's own. */
export const codeDigest = (...folders: URL[]) =>
  fingerprintOf(folders.map((folder) => filesDigest(fileURLToPath(folder), (f) => /\.[cm]?[jt]s$/.test(f))));

/** The fingerprint the task's last completed run recorded, or null. */
export async function startupMark(db: DbOrTx, task: string): Promise<string | null> {
  const [row] = await db
    .select({ fingerprint: startupMarks.fingerprint })
    .from(startupMarks)
    .where(eq(startupMarks.task, task));
  return row?.fingerprint ?? null;
}

export async function recordStartupMark(db: DbOrTx, task: string, fingerprint: string, now: Date) {
  await db
    .insert(startupMarks)
    .values({ task, fingerprint, recordedAt: now })
    .onConflictDoUpdate({
      target: startupMarks.task,
      set: { fingerprint: sql`excluded.fingerprint`, recordedAt: sql`excluded.recorded_at` },
    });
}
