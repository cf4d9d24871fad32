// bench:matrix (issue 11 §5): a supervisor's progress matrix for a 150-agency scope on the national data of
// bench:process (its generator, run once into the scratch database `prongsai_bench` and kept), served by
// the real server (a child process on that database) and asked by autocannon at 50 concurrent. Prints
// p50/p95 and requests/s; goal p95 ≤ 50 ms. Not a test.
// Run: npm run bench:matrix [-- --drivers=postgres --reuse --seconds=10 --connections=50 --agencies=150
//   --server-cpu-prof=/tmp/prof]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Db, openPostgres } from '../src/db/client.ts';
import { cannon, loadAverage, measure, printMeasured, settle, signIn, startServer } from './api-server.ts';
import { ROOT } from './submit-processes.ts';

const YEAR = 2568;
const GOAL_P95_MS = 50;
const USERNAME = 'bench-supervisor';
const PASSWORD = 'bench-pass-2568';

const { values: args } = parseArgs({
  options: {
    drivers: { type: 'string', default: 'postgres' },
    reuse: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    agencies: { type: 'string', default: '150' },
    'page-size': { type: 'string', default: '50' },
    'server-cpu-prof': { type: 'string' },
    // Browsers ask for gzip; --identity asks for the uncompressed answer instead.
    identity: { type: 'boolean', default: false },
  },
});

function benchUrl(): string {
  const admin =
    process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const u = new URL(admin);
  u.pathname = '/prongsai_bench';
  return u.toString();
}

async function hasCountry(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query(`select to_regclass('bench_plan') is not null as ok`);
    return r.rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** bench:process's generator, run once and kept (no processing measurement worth waiting for here). */
function generateCountry(): Promise<void> {
  console.log('generating the national data with bench:process (--keep --skip-api) …');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/process.ts', '--drivers=postgres', '--keep', '--skip-api'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    // bench:process exits 1 when its own goals are missed; the data is kept either way.
    child.on('exit', (code) =>
      code === 0 || code === 1 ? resolve() : reject(new Error(`bench:process → ${code}`)),
    );
  });
}

/**
 * The supervisor: scope = the province with the most agencies taking part, topped up with named agencies
 * from elsewhere when it has fewer than `size` (a supervisor's scope may combine both).
 */
async function supervisor(
  db: Db,
  size: number,
): Promise<{ province: string | null; inProvince: number; named: number }> {
  const [top] = (
    await db.execute<{
      code: string | null;
      n: number;
    }>(sql`select a.province_code as code, count(*)::int as n
      from agencies a join participations p on p.agency_id = a.id and p.year = ${YEAR}
      where a.province_code is not null group by 1 order by 2 desc, 1 limit 1`)
  ).rows;
  const province = top?.code ?? null;
  const inProvince = Math.min(Number(top?.n ?? 0), size);
  const extra =
    inProvince >= size
      ? []
      : (
          await db.execute<{ id: string }>(sql`select a.id from agencies a
            join participations p on p.agency_id = a.id and p.year = ${YEAR}
            where ${province === null ? sql`true` : sql`a.province_code is distinct from ${province}`}
            order by a.code limit ${size - inProvince}`)
        ).rows.map((r) => r.id);
  const passwordHash = await hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  await db.transaction(async (tx) => {
    await tx.execute(sql`update users set password_hash = ${passwordHash}, role = 'supervisor', active = true
      where username = ${USERNAME}`);
    await tx.execute(sql`insert into users (username, display_name, password_hash, role)
      select ${USERNAME}, 'ผู้กำกับดูแล (bench)', ${passwordHash}, 'supervisor'
      where not exists (select 1 from users where username = ${USERNAME})`);
    const [u] = (await tx.execute<{ id: string }>(sql`select id from users where username = ${USERNAME}`))
      .rows;
    await tx.execute(sql`delete from supervisor_scopes where user_id = ${u?.id}`);
    if (province && inProvince > 0)
      await tx.execute(
        sql`insert into supervisor_scopes (user_id, province_code) values (${u?.id}, ${province})`,
      );
    for (const id of extra)
      await tx.execute(sql`insert into supervisor_scopes (user_id, agency_id) values (${u?.id}, ${id})`);
  });
  return { province, inProvince, named: extra.length };
}

async function main() {
  if (!(args.drivers ?? '').split(',').includes('postgres'))
    throw new Error(
      'bench:matrix runs on PostgreSQL only (--drivers=postgres): the national data lives there',
    );
  const url = benchUrl();
  if (!(args.reuse && (await hasCountry(url)))) await generateCountry();
  const size = Number(args.agencies);
  const seconds = Number(args.seconds);
  const connections = Number(args.connections);
  console.log(
    `bench:matrix — supervisor progress matrix, FY${YEAR}; node ${process.version}; load ${loadAverage()}`,
  );
  console.log('The machine may be shared: absolute figures move with other work.');
  const database = await openPostgres(url);
  let scope: Awaited<ReturnType<typeof supervisor>>;
  let country: number;
  try {
    country = Number(
      (
        await database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from participations where year = ${YEAR}`,
        )
      ).rows[0]?.n ?? 0,
    );
    scope = await supervisor(database.db, size);
  } finally {
    await database.close();
  }
  console.log(
    `scope: ${scope.inProvince} agencies of province ${scope.province ?? '(none in the data)'} + ${scope.named} named ` +
      `agencies = ${scope.inProvince + scope.named}, out of ${country} in the country`,
  );
  const server = await startServer(url, args['server-cpu-prof']);
  try {
    const cookie = await signIn(server.url, USERNAME, PASSWORD);
    const route = `/api/monitoring/${YEAR}/agencies?pageSize=${args['page-size']}`;
    const headers = { 'accept-encoding': args.identity ? 'identity' : 'gzip' };
    const first = await fetch(`${server.url}${route}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`bench: GET ${route} → ${first.status} ${await first.text()}`);
    const text = await first.text();
    const body = JSON.parse(text) as { total: number; items: unknown[] };
    // fetch() itself always asks for gzip and unpacks: the bytes on the wire are asked for apart.
    const wire = await fetch(`${server.url}${route}`, { headers: { cookie, ...headers } });
    const sent = wire.headers.get('content-encoding') ?? 'identity';
    console.log(
      `GET ${route}: ${body.total} agencies in the matrix, ${body.items.length} on the page; ` +
        `${(Buffer.byteLength(text) / 1024).toFixed(1)} kB of JSON; asked with accept-encoding: ` +
        `${headers['accept-encoding']}, sent ${sent}${wire.headers.get('content-length') ? ` (${(Number(wire.headers.get('content-length')) / 1024).toFixed(1)} kB)` : ''}`,
    );
    await wire.arrayBuffer();
    await settle(server, url);
    const clients = [{ path: route, cookie }];
    await cannon(server.url, clients, connections, Number(args.warmup), headers);
    const m = await measure(server, url, clients, connections, seconds, headers);
    console.log(`${connections} concurrent, ${seconds} s after a ${args.warmup} s warm-up`);
    printMeasured(m);
    const met = m.p95 <= GOAL_P95_MS && m.errors === 0 && Object.keys(m.non2xx).length === 0;
    console.log(`p95 ≤ ${GOAL_P95_MS} ms: ${m.p95.toFixed(1)} ms — ${met ? 'met' : 'NOT MET'}`);
    process.exitCode = met ? 0 : 1;
  } catch (err) {
    console.error(server.log());
    throw err;
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
