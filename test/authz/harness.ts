// Runs matrix cases: signs the world's actors in, sends requests as each role, judges allowed/denied, and
// lists the app's routes so that a route without a case fails the completeness test.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/core/authz.ts';
import type { Answer, CaseWorld, HttpMethod, MatrixCase, MatrixRole, Side } from './cases.ts';
import type { World } from './world.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface LoadedCase extends MatrixCase {
  /** The cases file it came from, e.g. "users". */
  module: string;
}

export interface CasesModule {
  cases: MatrixCase[];
  /** Optional one-time fixtures for this module's cases, run after the world is built. */
  setup?: (w: World) => Promise<void>;
}

/** Every test/authz/*.cases.ts, in file-name order. */
export async function loadCaseModules(): Promise<{ module: string; mod: CasesModule }[]> {
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.cases.ts'))
    .sort();
  const loaded = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(HERE, file)).href)) as CasesModule;
    if (!Array.isArray(mod.cases)) throw new Error(`${file} must export \`cases: MatrixCase[]\``);
    loaded.push({ module: file.replace(/\.cases\.ts$/, ''), mod });
  }
  return loaded;
}

interface Session {
  cookie: string;
  csrf: string;
}

// Every request comes from its own client address, so per-IP rate limits never interfere between cases.
let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.${200 + ((addressCounter >> 16) & 0x1f)}.${(addressCounter >> 8) & 0xff}.${addressCounter & 0xff}`;
};

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: nextAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return {
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: res.json().csrfToken,
  };
}

export class MatrixRunner {
  private sessions = new Map<Role, Session>();

  constructor(
    private readonly world: World,
    private readonly password: string,
  ) {}

  async signInActors() {
    for (const [role, user] of Object.entries(this.world.actors) as [Role, { username: string }][]) {
      this.sessions.set(role, await signIn(this.world.t.app, user.username, this.password));
    }
  }

  caseWorld(role: MatrixRole, side: Side): CaseWorld {
    return {
      ...this.world,
      role,
      actor: role === 'anonymous' ? null : this.world.actors[role],
      side,
      target: side === 'inScope' ? this.world.A : this.world.B,
      vars: {},
    };
  }

  /** Sends one case's request as `role` against `side`. */
  async send(c: MatrixCase, role: MatrixRole, side: Side): Promise<LightMyRequestResponse> {
    const w = this.caseWorld(role, side);
    const url = await c.url(w);
    const body = c.body ? await c.body(w) : undefined;
    let session: Session | undefined;
    if (role !== 'anonymous') {
      session = c.freshSession
        ? await signIn(this.world.t.app, this.world.actors[role].username, this.password)
        : this.sessions.get(role);
      if (!session) throw new Error(`no session for ${role}`);
    }
    return this.world.t.app.inject({
      method: c.method,
      url,
      remoteAddress: nextAddress(),
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(c.contentType ? { 'content-type': c.contentType } : {}),
      },
      ...(body === undefined ? {} : { payload: body as string | Buffer | object }),
    });
  }
}

/** What a check reads of a response. */
export function answerOf(res: LightMyRequestResponse): Answer {
  let json: unknown = null;
  try {
    json = res.json();
  } catch {}
  return { status: res.statusCode, body: res.body, json, raw: res.rawPayload };
}

/**
 * Allowed: the request got past authorization — not 401/403, not a 404 (targets exist, so a 404 would be
 * a denial in disguise) and not a server error. Denied: 403 for a signed-in role; 401 for anonymous, or 403
 * `csrf` on a state-changing route (an anonymous visitor has no session, hence no CSRF token).
 */
export function judge(role: MatrixRole, allowed: boolean, res: LightMyRequestResponse): string | null {
  const code = safeCode(res);
  if (allowed) {
    if ([401, 403, 404].includes(res.statusCode) || res.statusCode >= 500) {
      return `expected allowed, got ${res.statusCode} ${code ?? ''}`.trim();
    }
    return null;
  }
  if (role === 'anonymous') {
    if (res.statusCode === 401 || (res.statusCode === 403 && code === 'csrf')) return null;
    return `expected 401, got ${res.statusCode} ${code ?? ''}`.trim();
  }
  if (res.statusCode === 403 && code !== 'csrf') return null;
  return `expected 403, got ${res.statusCode} ${code ?? ''}`.trim();
}

function safeCode(res: LightMyRequestResponse): string | undefined {
  try {
    return res.json()?.error?.code;
  } catch {
    return undefined;
  }
}

export interface RouteKey {
  method: string;
  path: string;
}

/**
 * Parses `printRoutes({ commonPrefix: false })`: one node per line, indented by 4 characters per level,
 * each node's text appended to its parent's, methods in parentheses.
 */
export function listRoutes(app: FastifyInstance): RouteKey[] {
  const routes: RouteKey[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(m[2] ?? '');
    const fullPath = stack.join('');
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, path: fullPath });
    }
  }
  return routes;
}

const patternOf = (routePath: string) =>
  new RegExp(
    `^${routePath
      .split(/(:[A-Za-z0-9_]+|\*)/)
      .map((part) =>
        part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  );

/** The route a concrete URL hits: among the matches, the one with the fewest parameters (static wins). */
export function routeOf(routes: RouteKey[], method: HttpMethod, url: string): RouteKey | undefined {
  const urlPath = url.split('?')[0] ?? url;
  const params = (p: string) => (p.match(/:|\*/g) ?? []).length;
  return routes
    .filter((r) => r.method === method && patternOf(r.path).test(urlPath))
    .sort((a, b) => params(a.path) - params(b.path))[0];
}

/** Routes that are public by design and need no case. */
export const PUBLIC_EXCEPTIONS = (r: RouteKey) =>
  r.path === '/api/health' || r.path === '/api/docs' || r.path.startsWith('/api/docs/');
