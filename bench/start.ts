// `npm start` on an existing data folder (issue 13 §5: healthy in ≤ 3 s, no web rebuild when nothing changed).
// Prepares a data folder with one first start (not measured), then runs `npm start` N times, each until the
// first healthy answer of GET /api/health, and, alternating with it, a baseline (bench/start-baseline.mjs: bare
// Fastify + PGlite opening the same folder + Drizzle's migration check). Prints per run: npm + prestart,
// process start → listening, listening → healthy, the total, CPU seconds of the server process and of the
// whole `npm start` tree, and the load average; then medians, and last `ratio: X.XX` (ours ÷ baseline,
// process start → healthy, medians). Linux only (/proc). Not a test.
// Run: npm run bench:start [-- --runs=5 --root=/path/to/another/checkout --data=DIR]
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../test/helpers/server-process.ts';
import { ROOT } from './submit-processes.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    /** The checkout whose `npm start` is measured (another worktree, an older commit): default this one. */
    root: { type: 'string', default: ROOT },
    /** A data folder already started once (kept); default a temporary one, prepared and deleted. */
    data: { type: 'string' },
    timeout: { type: 'string', default: '120' },
  },
});

const CLOCK_TICKS = 100; // USER_HZ: the unit of /proc/<pid>/stat's times
const root = path.resolve(args.root);
const runs = Number(args.runs);
const timeoutMs = Number(args.timeout) * 1000;

interface ProcStat {
  /** user + system seconds of the process itself (all its threads). */
  own: number;
  /** user + system seconds of its children that exited and were waited for. */
  children: number;
  /** When the process started (epoch ms, 10 ms resolution). */
  startedAt: number;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), numbered from 0 = state. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * The boot time (epoch ms) that /proc's start times count from, to 10 ms: /proc/stat's btime is whole seconds,
 * so it is taken from this process instead, whose start Node knows to the microsecond.
 */
const bootedAt = performance.timeOrigin - (Number(statFields(process.pid)[19]) / CLOCK_TICKS) * 1000;

function procStat(pid: number): ProcStat | undefined {
  try {
    // utime, stime, cutime, cstime are fields 14–17 and starttime field 22 of proc(5): indexes 11–14 and 19.
    const f = statFields(pid).map(Number);
    return {
      own: ((f[11] ?? 0) + (f[12] ?? 0)) / CLOCK_TICKS,
      children: ((f[13] ?? 0) + (f[14] ?? 0)) / CLOCK_TICKS,
      startedAt: bootedAt + ((f[19] ?? 0) / CLOCK_TICKS) * 1000,
    };
  } catch {
    return undefined;
  }
}

/** The process and all its descendants still alive. */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    const p = all[i] as number;
    try {
      // Children are listed per thread of their parent.
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) all.push(...children.split(' ').map(Number));
      }
    } catch {
      // exited meanwhile
    }
  }
  return all;
}

/** The arguments a process was started with (empty once it exited). */
const argv = (pid: number): string[] => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};
/** A Node process running `script` (not the shell of `npm start`, whose one argument also names it). */
const runsScript = (script: string) => (args: string[]) =>
  path.basename(args[0] ?? '') === 'node' && (args[1] ?? '').endsWith(script);

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** GET /api/health answers 200 (node:http: fetch's first call costs the bench itself half a second). */
function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/health', timeout: 5000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode === 200));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
  });
}

interface Run {
  /** spawn → the server process exists (npm, the shell, prestart); 0 for the baseline (no npm). */
  before: number;
  /** server process start → its port accepts connections. */
  toListening: number;
  /** port open → first 200 from /api/health. */
  toHealthy: number;
  /** spawn → healthy. */
  total: number;
  cpuServer: number;
  cpuTree: number;
  load: number;
}

/** Starts `command`, waits for the first healthy answer, measures, stops the server (SIGTERM) and waits. */
async function measure(
  command: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  isServer: (args: string[]) => boolean,
  limitMs = timeoutMs,
) {
  const spawnedAt = Date.now();
  const child = spawn(command[0] as string, command.slice(1), {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const rootPid = child.pid as number;
  let serverPid: number | undefined;
  let listeningAt: number | undefined;
  try {
    for (;;) {
      if (Date.now() - spawnedAt > limitMs)
        throw new Error(`not healthy after ${limitMs / 1000} s:\n${output.slice(-3000)}`);
      if (child.exitCode !== null)
        throw new Error(`exited with ${child.exitCode} before healthy:\n${output.slice(-3000)}`);
      serverPid ??= processTree(rootPid).find((p) => isServer(argv(p)));
      if (listeningAt === undefined && (await tcpOpen(port))) listeningAt = Date.now();
      if (listeningAt !== undefined && (await healthy(port))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const healthyAt = Date.now();
    if (serverPid === undefined || listeningAt === undefined) throw new Error('server process not found');
    const tree = processTree(rootPid).map((p) => ({ p, s: procStat(p) }));
    const server = procStat(serverPid) as ProcStat;
    const run: Run = {
      before: server.startedAt - spawnedAt,
      toListening: listeningAt - server.startedAt,
      toHealthy: healthyAt - listeningAt,
      total: healthyAt - spawnedAt,
      cpuServer: server.own,
      cpuTree: tree.reduce((sum, { s }) => sum + (s ? s.own + s.children : 0), 0),
      load: os.loadavg()[0] ?? 0,
    };
    return { run, output };
  } finally {
    await stop(child, serverPid);
  }
}

async function stop(child: ChildProcess, serverPid: number | undefined) {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The server closes its database on SIGTERM; npm does not pass the signal on, so it goes to the server.
  for (const pid of serverPid ? [serverPid] : processTree(child.pid as number).reverse()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const killer = setTimeout(() => {
    for (const p of processTree(child.pid as number).reverse()) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }, 20_000);
  await exited;
  clearTimeout(killer);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(2).padStart(6);
const cpu = (s: number) => s.toFixed(2).padStart(6);

function row(name: string, r: Run) {
  return [
    name.padEnd(14),
    sec(r.before),
    sec(r.toListening),
    sec(r.toHealthy),
    sec(r.total),
    cpu(r.cpuServer),
    cpu(r.cpuTree),
    r.load.toFixed(2).padStart(5),
  ].join('  ');
}

async function main() {
  const dataDir = args.data
    ? path.resolve(args.data)
    : mkdtempSync(path.join(os.tmpdir(), 'prongsai-start-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PRONGSAI_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  // npm sets these for the bench's own script; the measured `npm start` must not inherit them.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  const ours = ['npm', 'start', '--silent'];
  const isOurs = runsScript('bin/prongsai.mjs');
  const baseline = [process.execPath, path.join(ROOT, 'bench', 'start-baseline.mjs')];
  const isBaseline = runsScript('start-baseline.mjs');
  const webIndex = path.join(root, 'dist', 'web', 'index.html');
  try {
    process.stdout.write(`bench:start — ${root}, data ${dataDir}, ${runs} runs, ${os.cpus().length} cores\n`);
    if (!args.data || !existsSync(path.join(dataDir, 'pglite'))) {
      // The first start may build the web app and seeds everything: it gets 15 minutes.
      const first = await measure(ours, env, port, isOurs, 900_000);
      process.stdout.write(
        `first start (prepares the data folder, not counted): healthy after ${sec(first.run.total)} s\n`,
      );
    }
    const webBuiltAt = existsSync(webIndex) ? statSync(webIndex).mtimeMs : undefined;
    const header = [
      'run'.padEnd(14),
      'npm+pre',
      'start→listen',
      'listen→ok',
      ' total',
      'CPU srv',
      'CPU all',
      'load1',
    ].join('  ');
    process.stdout.write(`seconds; CPU = user + system seconds until healthy\n${header}\n`);
    const oursRuns: Run[] = [];
    const baseRuns: Run[] = [];
    for (let i = 1; i <= runs; i++) {
      // Alternating, so that other work on the machine weighs on both alike.
      const a = await measure(ours, env, port, isOurs);
      oursRuns.push(a.run);
      process.stdout.write(`${row(`npm start ${i}`, a.run)}\n`);
      const b = await measure(baseline, env, port, isBaseline);
      b.run.before = 0;
      baseRuns.push(b.run);
      process.stdout.write(`${row(`baseline ${i}`, b.run)}\n`);
    }
    const med = (rs: Run[]): Run => ({
      before: median(rs.map((r) => r.before)),
      toListening: median(rs.map((r) => r.toListening)),
      toHealthy: median(rs.map((r) => r.toHealthy)),
      total: median(rs.map((r) => r.total)),
      cpuServer: median(rs.map((r) => r.cpuServer)),
      cpuTree: median(rs.map((r) => r.cpuTree)),
      load: median(rs.map((r) => r.load)),
    });
    const mo = med(oursRuns);
    const mb = med(baseRuns);
    process.stdout.write(`${row('median ours', mo)}\n${row('median base', mb)}\n`);
    const webRebuilt =
      webBuiltAt !== undefined && existsSync(webIndex) && statSync(webIndex).mtimeMs !== webBuiltAt;
    process.stdout.write(`web app rebuilt during the measured runs: ${webRebuilt ? 'YES' : 'no'}\n`);
    process.stdout.write(
      `goal: npm start → healthy ≤ 3 s: ${mo.total <= 3000 ? 'met' : 'not met'} (median ${sec(mo.total).trim()} s)\n`,
    );
    const ratio = (mo.toListening + mo.toHealthy) / (mb.toListening + mb.toHealthy);
    process.stdout.write(
      `ratio: ${ratio.toFixed(2)} (process start → healthy, ours ÷ baseline; CPU ${(mo.cpuServer / mb.cpuServer).toFixed(2)})\n`,
    );
  } finally {
    if (!args.data) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
