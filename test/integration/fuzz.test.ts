// Property-based fuzzing of every public and every state-changing route (and bad ids and query values on
// every other route), enumerated from the routes the application registers: a route added later is fuzzed
// without editing this file (its valid request comes from its authorization-matrix case, which the matrix
// requires). For every attempt: no 5xx; every error in our documented shape (code, Thai, English); an attempt
// the route's schema refuses (or holding text the database cannot store) gets a 4xx; and a rejected request
// changes no row (every row change is noted by a trigger on every table: `changeLog` in ../fuzz/checksum.ts).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { z } from 'zod';
import type { CatalogueEntry } from '../../src/app/input-rules.ts';
import type { Role } from '../../src/core/authz.ts';
import { type HttpMethod, MATRIX_ROLES, type MatrixCase, type MatrixRole } from '../authz/cases.ts';
import { type LoadedCase, loadCaseModules, MatrixRunner, routeOf, signIn } from '../authz/harness.ts';
import { buildWorld, type World } from '../authz/world.ts';
import { changeLog } from '../fuzz/checksum.ts';
import { type Attempt, AttemptBuilder, type Seed } from '../fuzz/payloads.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_PASSWORD } from '../helpers/factories.ts';

/** Random attempts per route, on top of the fixed edge cases (~20 per write route). Keeps a driver ≤ ~60 s. */
const RUNS = { write: 10, publicRead: 8 } as const;
const SEED = 20268;

const ZErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    th: z.string().regex(/[\u0E00-\u0E7F]/, 'Thai text'),
    en: z.string().min(1),
    details: z.unknown().optional(),
  }),
});

// PDF conversion off: a valid request to a PDF route would otherwise run LibreOffice (seconds) each time.
const t: TestApp = await createTestApp({ DOCUMENTS_SOFFICE: 'off' });
const world: World = await buildWorld(t);
const modules = await loadCaseModules();
for (const { mod } of modules) await mod.setup?.(world);
// After the world and the cases' own setup: from here on, every row change is noted.
const changes = await changeLog(world.db);
const cases: LoadedCase[] = modules.flatMap(({ module, mod }) => mod.cases.map((c) => ({ ...c, module })));
const runner = new MatrixRunner(world, TEST_PASSWORD);

const routes = t.app.routeCatalogue.filter(
  (r) =>
    r.url.startsWith('/api/') &&
    !r.url.startsWith('/api/docs') &&
    r.method !== 'HEAD' &&
    r.method !== 'OPTIONS',
);
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The first matrix case of each route, found by matching its URL the way the matrix does. */
const caseOf = new Map<string, MatrixCase>();
for (const c of cases) {
  const route = routeOf(
    routes.map((r) => ({ method: r.method, path: r.url })),
    c.method,
    await c.url(runner.caseWorld('admin', 'inScope')),
  );
  if (route && !caseOf.has(`${route.method} ${route.path}`)) caseOf.set(`${route.method} ${route.path}`, c);
}

/** Who sends a route's requests: a visitor for public routes, else admin, else the first role allowed in scope. */
function senderOf(c: MatrixCase): MatrixRole {
  if (c.expect.anonymous.inScope) return 'anonymous';
  if (c.expect.admin.inScope) return 'admin';
  return MATRIX_ROLES.find((r) => c.expect[r].inScope) ?? 'admin';
}

const counts = { attempts: 0, fiveHundreds: 0, routes: 0 };
let address = 0;
const nextAddress = () => {
  address++;
  return `10.${100 + ((address >> 16) & 0x3f)}.${(address >> 8) & 0xff}.${address & 0xff}`;
};

class RouteFuzzer {
  private session: { cookie: string; csrf: string } | null = null;
  /** Whether the change log starts at a known state (nothing accepted since it was last read). */
  private baseline = false;
  private pending: string[] = [];
  readonly problems: string[] = [];

  constructor(
    private readonly route: CatalogueEntry,
    private readonly role: MatrixRole,
    private readonly checkRows: boolean,
  ) {}

  private async headers(): Promise<Record<string, string>> {
    if (this.role === 'anonymous') return {};
    this.session ??= await signIn(t.app, world.actors[this.role as Role].username, TEST_PASSWORD);
    return { cookie: this.session.cookie, 'x-csrf-token': this.session.csrf };
  }

  private async rowsUnchanged(label: string) {
    const changed = await changes.take();
    if (this.baseline && changed.length)
      this.problems.push(`${label}: rejected, yet rows changed in ${changed.join(', ')}`);
    this.baseline = true;
  }

  /** Sends one attempt and records what is wrong with the answer; true if it holds. */
  async send(a: Attempt): Promise<boolean> {
    // An attempt that may be accepted must start from a known state; settle the deferred checks first.
    if (this.checkRows && !a.mustReject && this.pending.length) await this.flush();
    if (this.checkRows && !this.baseline) {
      await changes.take();
      this.baseline = true;
    }
    const res = await t.app.inject({
      method: this.route.method as HttpMethod,
      url: a.url,
      remoteAddress: nextAddress(),
      headers: { ...(await this.headers()), ...a.headers },
      ...(a.payload === undefined ? {} : { payload: a.payload }),
    });
    counts.attempts++;
    const label = `${a.kind} → ${res.statusCode}`;
    const before = this.problems.length;
    if (res.statusCode >= 500) {
      counts.fiveHundreds++;
      this.problems.push(`${label}: server error ${res.body.slice(0, 200)}`);
    } else if (res.statusCode >= 400) {
      const shape = errorShape(res);
      if (shape) this.problems.push(`${label}: ${shape}`);
    }
    if (a.mustReject && (res.statusCode < 400 || res.statusCode >= 500)) {
      this.problems.push(`${label}: the route's schema refuses this, yet it was not a 4xx`);
      // Reported already; the deferred row checks can no longer tell which request changed what.
      this.pending = [];
      this.baseline = false;
      return false;
    }
    if (this.checkRows) {
      if (res.statusCode >= 400 && a.mustReject) this.pending.push(label);
      else if (res.statusCode >= 400) await this.rowsUnchanged(label);
      else {
        await this.flush();
        this.baseline = false; // accepted: the state moved on
        if (this.route.url === '/api/auth/logout' || this.route.url === '/api/auth/login')
          this.session = null;
      }
    }
    return this.problems.length === before;
  }

  async flush() {
    if (!this.pending.length) return;
    const labels = this.pending.splice(0);
    await this.rowsUnchanged(
      labels.length === 1 ? (labels[0] as string) : `${labels.length} attempts (${labels[0]} …)`,
    );
  }
}

function errorShape(res: LightMyRequestResponse): string | null {
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return `not JSON: ${res.body.slice(0, 120)}`;
  }
  const parsed = ZErrorBody.safeParse(body);
  return parsed.success ? null : `not our error shape: ${res.body.slice(0, 160)}`;
}

const zodOf = (v: unknown) => (v && typeof v === 'object' && 'safeParse' in v ? (v as ZodType) : undefined);

describe('fuzz: malformed and near-valid input on every public and state-changing route', () => {
  beforeAll(() => runner.signInActors());
  afterAll(async () => {
    console.log(
      `fuzz: ${counts.attempts} cases over ${counts.routes} routes, ${counts.fiveHundreds} server errors (5xx)`,
    );
    await t.close();
  });

  // The row check can fail: the log notes a changed value, even one put back, and not the attempt counters.
  // (Only `users` is looked at: work the sign-ins left in the background may still write elsewhere.)
  it('notes every changed row but the records of attempts', async () => {
    await changes.take(); // what the cases' URLs and the sign-ins wrote
    const admin = world.actors.admin.id;
    await world.db.execute(sql`update users set failed_logins = failed_logins + 1 where id = ${admin}`);
    await world.db.execute(sql`update users set failed_logins = failed_logins - 1 where id = ${admin}`);
    await world.db.execute(sql`update users set display_name = display_name where id = ${admin}`);
    expect(await changes.take()).not.toContain('users');
    await world.db.execute(sql`update users set display_name = display_name || '!' where id = ${admin}`);
    await world.db.execute(sql`update users set display_name = left(display_name, -1) where id = ${admin}`);
    expect(await changes.take()).toContain('users');
    expect(await changes.take()).not.toContain('users');
  });

  it('has a matrix case (a valid request) for every route it fuzzes', () => {
    const missing = routes.filter((r) => !caseOf.has(keyOf(r)) && r.url !== '/api/health').map(keyOf);
    expect(missing).toEqual([]);
  });

  it.each(routes.map((r) => [keyOf(r), r] as const))('%s', async (_name, route) => {
    const c = caseOf.get(keyOf(route));
    if (!c) return; // /api/health, or reported by the test above
    const role = senderOf(c);
    const isWrite = route.method !== 'GET';
    const isPublic = role === 'anonymous';
    const w = runner.caseWorld(role, 'inScope');
    const url = await c.url(w);
    const schema = route.schema as Record<string, unknown> | undefined;
    const seed: Seed = {
      method: route.method,
      routePath: route.url,
      url,
      body: c.body ? await c.body(w) : undefined,
      contentType: c.contentType,
      schemas: {
        body: zodOf(schema?.body),
        params: zodOf(schema?.params),
        querystring: zodOf(schema?.querystring),
        consumes: schema?.consumes as string[] | undefined,
      },
    };
    const builder = new AttemptBuilder(seed);
    const fuzzer = new RouteFuzzer(route, role, isWrite);
    counts.routes++;
    for (const a of builder.fixed()) await fuzzer.send(a);
    await fuzzer.flush();
    const runs = isWrite ? RUNS.write : isPublic ? RUNS.publicRead : 0;
    const random = builder.random();
    if (runs > 0 && random) {
      await fc.assert(
        fc.asyncProperty(random, async (a) => {
          await fuzzer.send(a);
        }),
        { numRuns: runs, seed: SEED, endOnFailure: true },
      );
      await fuzzer.flush();
    }
    expect(fuzzer.problems).toEqual([]);
  });
});
