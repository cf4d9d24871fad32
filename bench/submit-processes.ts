// Child processes of bench:submit: the real server (`node bin/prongsai.mjs start`) and the baseline, each in
// its own process so that neither shares an event loop with the load generator.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, stopProcess, waitForHealth } from '../test/helpers/server-process.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export { freePort };

export interface Running {
  url: string;
  child: ChildProcess;
  /** The last lines the process wrote, for error messages. */
  log(): string;
}

export interface Database {
  /** PostgreSQL connection string, or undefined for PGlite in `dataDir`/pglite. */
  databaseUrl: string | undefined;
  dataDir: string;
}

/**
 * `--cpu-prof` writes V8 profiles of a child into <dir>/<name>/ when set: one per thread (tsx's loader runs
 * in a worker thread; the main thread's profile is the big one).
 */
function nodeArgs(cpuProfDir: string | undefined, name: string): string[] {
  return cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(cpuProfDir, name)}`] : [];
}

function launch(args: string[], env: NodeJS.ProcessEnv, url: string, healthPath: string): Promise<Running> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const running: Running = { url, child, log: () => log };
  return waitForHealth(`${url}${healthPath}`, child, () => log, 120_000).then(() => running);
}

/**
 * The real server with the demo data. TRUST_PROXY=127.0.0.1 makes it read the respondent's address from
 * X-Forwarded-For, as behind the reverse proxy of a deployment, so the load can come from many addresses.
 */
export async function startProngsai(
  db: Database,
  opts: { cpuProfDir?: string | undefined; name: string },
): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'development',
    PRONGSAI_DATA_DIR: db.dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    PRONGSAI_DEMO: 'true',
    MAIL_TRANSPORT: 'log',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    TRUST_PROXY: '127.0.0.1',
    // The demo queues evidence snapshots of its OIT answers at start-up (on PGlite, a fresh folder: all of
    // them), and the background worker would fetch them from this very server during the measurement:
    // work that has nothing to do with submissions (on PGlite it doubled ours' CPU per submission).
    EVIDENCE_WORKER: 'false',
    TZ: 'Asia/Bangkok',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
  };
  return launch(
    [...nodeArgs(opts.cpuProfDir, opts.name), 'bin/prongsai.mjs', 'start'],
    env,
    url,
    '/api/health',
  );
}

export async function startBaseline(
  db: Database,
  opts: { cpuProfDir?: string | undefined; name: string },
): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    ...nodeArgs(opts.cpuProfDir, opts.name),
    '--import',
    'tsx',
    'bench/submit-baseline-server.ts',
    `--port=${port}`,
    db.databaseUrl ? `--database-url=${db.databaseUrl}` : `--pglite=${path.join(db.dataDir, 'pglite')}`,
  ];
  return launch(args, { ...process.env, TZ: 'Asia/Bangkok' }, url, '/health');
}

/** SIGTERM, then SIGKILL after 15 s. */
export function stop(running: Running): Promise<void> {
  return stopProcess(running.child);
}
