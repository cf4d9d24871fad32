// Backup and restore of the embedded database while the server runs and writes (README "Backup and
// restore"). The server is started as an operator would (`prongsai start`, demo data on), so this file also
// checks where a demo server listens.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TableChecksums, tableChecksums } from '../../../test/helpers/table-checksums.ts';
import { openPglite } from '../../db/client.ts';
import { auditKeyFiles, expectAuditVerifies, type RunningServer, startServer } from './backup.testing.ts';
import { runInProcess } from './cli-in-process.testing.ts';
import { type CliSandbox, cliSandbox } from './cli-sandbox.testing.ts';

/** Checksums of every table of the folder's database; `restored` folders must also pass the audit check. */
async function checksumsOf(dataDir: string, publicKey?: string): Promise<TableChecksums> {
  const database = await openPglite({ dataDir: path.join(dataDir, 'pglite'), migrate: false });
  try {
    if (publicKey) await expectAuditVerifies(database.db, [publicKey]);
    return await tableChecksums(database.db);
  } finally {
    await database.close();
  }
}

/** An admin session over HTTP that renames one agency again and again: each rename is a row and an audit entry. */
async function renamer(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const list = (await (await fetch(`${url}/api/agencies`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  const agencyId = list.items[0]?.id as string;
  let done = 0;
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const res = await fetch(`${url}/api/agencies/${agencyId}`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ nameEn: `Backup writer ${done + 1}` }),
      });
      expect(res.status).toBe(200);
      done++;
    }
  })();
  return {
    agencyId,
    done: () => done,
    /** Resolves once `n` more renames have been made. */
    async after(n: number) {
      const target = done + n;
      while (done < target) await new Promise((r) => setTimeout(r, 20));
    },
    async stop() {
      stopping = true;
      await loop;
    },
  };
}

// Real processes on fresh embedded databases (see prongsai.cli.test.ts): two minutes per case.
describe('prongsai backup / restore (embedded database)', { timeout: 120_000 }, () => {
  let cli: CliSandbox;
  let server: RunningServer | undefined;
  let keys: { privateKey: string; publicKey: string };
  /** The server and every restore sign and verify with one key kept outside the data folders. */
  let withKey: { AUDIT_SIGNING_KEY_FILE: string };
  const files: string[] = [];
  beforeAll(async () => {
    cli = await cliSandbox();
    keys = auditKeyFiles(`${cli.dataDir}-keys`);
    files.push(`${cli.dataDir}-keys`);
    withKey = { AUDIT_SIGNING_KEY_FILE: keys.privateKey };
  });
  afterAll(async () => {
    await server?.stop();
    for (const f of files) rmSync(f, { recursive: true, force: true });
    cli.cleanup();
  });

  it('backs up a live server while it writes; each restore starts with identical data and an intact audit log', async () => {
    server = await startServer({
      ...process.env,
      ...withKey,
      PRONGSAI_DATA_DIR: cli.dataDir,
      EVIDENCE_WORKER: 'false',
      // The reminders planner's first round (5 s after start) would otherwise write notices after the idle
      // backup, whenever the start is quick enough to reach the backup first.
      NOTICES_WORKER: 'false',
    });
    // Demo data on, HOST not set: only the loopback interface, and the start message says why.
    expect(server.stdout()).toMatch(
      /Listening on 127\.0\.0\.1:\d+ only: demo data is on and its passwords are public/,
    );

    const writer = await renamer(server.url);
    await writer.after(3);
    const live = path.join(cli.dataDir, 'live.tar.gz');
    files.push(live);
    const backup = await cli.run(['backup', '--out', live]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('taken by the running server');
    // Any other command would open the folder the server holds: refused while it runs. (In this process from
    // here on, but for the binary's restore below: the folder is held through its control file and channel,
    // whichever process asks; each process of the binary costs a Node start and a load of the sources.)
    const here = (args: string[]) =>
      runInProcess(args, { env: { ...withKey, PRONGSAI_DATA_DIR: cli.dataDir, PORT: '0' } });
    const meanwhile = await here(['audit', 'verify']);
    expect(meanwhile.code).toBe(1);
    expect(meanwhile.stderr).toContain('stop it first');
    const second = await here(['start']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Another server');
    await writer.after(3);
    await writer.stop();
    const idle = path.join(cli.dataDir, 'idle.tar.gz');
    files.push(idle);
    const idleBackup = await here(['backup', '--out', idle]);
    expect(idleBackup.stdout).toContain('taken by the running server');
    expect(idleBackup.code).toBe(0);
    expect(readFileSync(idle).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const stopped = server;
    server = undefined;
    expect(await stopped.stop()).toBe(0);
    expect(stopped.listening().length).toBeGreaterThan(0);
    for (const address of stopped.listening()) expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(path.join(cli.dataDir, 'control.json'))).toBe(false);
    const final = await checksumsOf(cli.dataDir);

    // Taken with the server idle: the restore is the database as it was, table by table.
    const restoredIdle = `${cli.dataDir}-idle`;
    files.push(restoredIdle);
    const restore = await cli.run(['restore', idle], '', { ...withKey, PRONGSAI_DATA_DIR: restoredIdle });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Audit log intact');
    expect(await checksumsOf(restoredIdle, keys.publicKey)).toEqual(final);

    // Restored without the signing key (a new one is made for the new folder): the server's checkpoints
    // cannot be vouched for, and the restore says so instead of calling the log intact. (In this process from
    // here on: the binary's restore ran above.)
    const restoredKeyless = `${cli.dataDir}-keyless`;
    files.push(restoredKeyless);
    const keyless = await runInProcess(['restore', idle], { env: { PRONGSAI_DATA_DIR: restoredKeyless } });
    expect(keyless.code).toBe(5);
    expect(keyless.stderr).toContain('signed by an unknown key');

    // Taken mid-write: a consistent moment — every rename it holds has its audit entry, and none is half-made.
    const restoredLive = `${cli.dataDir}-live`;
    files.push(restoredLive);
    const restoreLive = await runInProcess(['restore', live], {
      env: { ...withKey, PRONGSAI_DATA_DIR: restoredLive },
    });
    expect(restoreLive.code).toBe(0);
    const database = await openPglite({ dataDir: path.join(restoredLive, 'pglite'), migrate: false });
    try {
      await expectAuditVerifies(database.db, [keys.publicKey]);
      const { rows } = await database.db.execute<{ name_en: string; renames: number }>(sql`
        select a.name_en, (select count(*)::int from audit_log l
                            where l.entity_id = ${writer.agencyId} and l.after::text like '%Backup writer%') as renames
          from agencies a where a.id = ${writer.agencyId}`);
      const held = rows[0]?.renames ?? 0;
      expect(held).toBeGreaterThanOrEqual(3);
      expect(held).toBeLessThan(writer.done());
      expect(rows[0]?.name_en).toBe(`Backup writer ${held}`);
      const counts = await tableChecksums(database.db);
      for (const [table, { rows: n }] of Object.entries(counts))
        expect(n, table).toBeLessThanOrEqual(final[table]?.rows ?? 0);
    } finally {
      await database.close();
    }
  }, 300_000);

  // In this process, as the binary runs it (the binary's backup and restore ran above).
  it('without a running server, opens the folder itself; refuses to restore over a database', async () => {
    const run = (args: string[]) => runInProcess(args, { env: { PRONGSAI_DATA_DIR: cli.dataDir } });
    const file = path.join(cli.dataDir, 'offline.tar.gz');
    files.push(file);
    const backup = await run(['backup', '--out', file]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('no server running');
    const over = await run(['restore', file]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('is not empty');
    const wrongKind = await run(['restore', path.join(cli.dataDir, 'pglite', 'PG_VERSION')]);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('not a prongsai backup');
  }, 120_000);
});
