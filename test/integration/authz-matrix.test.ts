// Every API route × every role × {in scope, out of scope}, from the cases in test/authz/*.cases.ts,
// plus a completeness check: a route without a case fails here, naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/authz.ts';
import { loadActor } from '../../src/modules/users/actor.ts';
import { MATRIX_ROLES, type MatrixRole, type Side } from '../authz/cases.ts';
import { type ContentCheck, isListRoute, seedContents } from '../authz/contents.ts';
import {
  answerOf,
  judge,
  type LoadedCase,
  listRoutes,
  loadCaseModules,
  MatrixRunner,
  PUBLIC_EXCEPTIONS,
  routeOf,
} from '../authz/harness.ts';
import { buildWorld, type World } from '../authz/world.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_PASSWORD } from '../helpers/factories.ts';

const modules = await loadCaseModules();
const cases: LoadedCase[] = modules.flatMap(({ module, mod }) => mod.cases.map((c) => ({ ...c, module })));
const SIDES: Side[] = ['inScope', 'outOfScope'];
const SIGNED_IN = MATRIX_ROLES.filter((r): r is Role => r !== 'anonymous');
/** The list endpoints' content checks, run for every signed-in role after every case has run. */
const contentCases = cases.flatMap((c) =>
  typeof c.contents === 'function' ? [{ title: `[${c.module}] ${c.name}`, check: c.contents }] : [],
);
/** The OIT year of the OIT cases (test/authz/oit-assessment.cases.ts): seeded scores belong to it. */
const OIT_YEAR = 2567;

describe('authorization matrix', () => {
  let t: TestApp;
  let world: World;
  let runner: MatrixRunner;

  beforeAll(async () => {
    // PDF conversion off (LibreOffice takes seconds per document): PDF routes are authorized before they
    // convert, so allowed roles get 409 documents_pdf_unavailable and refused ones 403, as with it on.
    t = await createTestApp({ DOCUMENTS_SOFFICE: 'off' });
    world = await buildWorld(t);
    for (const { mod } of modules) await mod.setup?.(world);
    await seedContents(world, OIT_YEAR);
    runner = new MatrixRunner(world, TEST_PASSWORD);
    await runner.signInActors();
  });
  afterAll(() => t.close());

  describe.each(cases.map((c) => [`[${c.module}] ${c.name}`, c] as const))('%s', (_title, c) => {
    it.each(MATRIX_ROLES as MatrixRole[])('as %s', async (role) => {
      const failures: string[] = [];
      for (const side of SIDES) {
        const res = await runner.send(c, role, side);
        const problem = judge(role, c.expect[role][side], res);
        if (problem) failures.push(`${side}: ${problem} — ${res.body.slice(0, 300)}`);
        else if (c.answer && c.expect[role][side])
          for (const p of await c.answer(runner.caseWorld(role, side), answerOf(res)))
            failures.push(`${side}: ${p}`);
      }
      expect(failures).toEqual([]);
    });
  });

  // After every case above has run (the database then holds the most varied data): for every role, each
  // list, summary and audit endpoint returns only rows, and counts only agencies, in that role's scope.
  describe.each(contentCases.map((c) => [c.title, c.check] as const))('contents of %s', (_title, check) => {
    it.each(SIGNED_IN)('as %s: only rows in scope', async (role) => {
      expect(await checkContents(check, role)).toEqual([]);
    });
  });

  async function checkContents(check: ContentCheck, role: Role): Promise<string[]> {
    const actor = await loadActor(world.db, world.actors[role].id);
    if (!actor) throw new Error(`no actor for ${role}`);
    const get = async (url: string) => {
      const res = await runner.send(
        { name: url, method: 'GET', url: () => url, expect: {} as never },
        role,
        'inScope',
      );
      return answerOf(res);
    };
    return check({ w: world, role, actor, get });
  }

  it('has a content check for every list endpoint a role other than admin may call', async () => {
    const routes = listRoutes(t.app);
    const unchecked: string[] = [];
    for (const c of cases) {
      if (c.method !== 'GET' || c.contents !== undefined) continue;
      const route = routeOf(routes, c.method, await c.url(runner.caseWorld('admin', 'inScope')));
      const nonAdmin = MATRIX_ROLES.some(
        (r) => r !== 'admin' && (c.expect[r].inScope || c.expect[r].outOfScope),
      );
      if (route && isListRoute(route.path) && nonAdmin) unchecked.push(`[${c.module}] ${c.name}`);
    }
    expect(unchecked, 'list endpoints without `contents` (see test/authz/contents.ts)').toEqual([]);
  });

  it('has a case for every API route (except the public health check and API docs)', async () => {
    const routes = listRoutes(t.app).filter((r) => r.path.startsWith('/api/') && !PUBLIC_EXCEPTIONS(r));
    // Guards the parser of printRoutes: every route it found must really exist.
    for (const r of routes) {
      expect(t.app.hasRoute({ method: r.method as 'GET', url: r.path }), `${r.method} ${r.path}`).toBe(true);
    }
    expect(routes.length).toBeGreaterThan(10);

    const covered = new Set<string>();
    const stale: string[] = [];
    for (const c of cases) {
      const url = await c.url(runner.caseWorld('admin', 'inScope'));
      const route = routeOf(routes, c.method, url);
      if (route) covered.add(`${route.method} ${route.path}`);
      else stale.push(`[${c.module}] ${c.name}: ${c.method} ${url} matches no route`);
    }
    const missing = routes
      .filter((r) => !covered.has(`${r.method} ${r.path}`))
      .map((r) => `${r.method} ${r.path}`);
    expect(stale, 'cases whose URL hits no route').toEqual([]);
    expect(missing, 'routes without a case in test/authz/*.cases.ts').toEqual([]);
  });
});
