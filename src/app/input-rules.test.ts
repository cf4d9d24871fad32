// The input rules hold for every registered route: request bodies are strict objects all the way down, a
// write without a body schema takes no body, and text the database cannot store is refused everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { type Client, createTestApp, type TestApp } from '../../test/helpers/app.ts';

interface Def {
  type: string;
  catchall?: { _zod: { def: Def } };
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  element?: ZodType;
  options?: ZodType[];
  left?: ZodType;
  right?: ZodType;
  valueType?: ZodType;
  items?: ZodType[];
  getter?: () => ZodType;
}
const defOf = (s: ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of the objects in `schema` that would accept (and silently drop) a field they do not know. */
function looseObjects(schema: ZodType, at = 'body', seen = new Set<ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (s: ZodType | undefined, p = at) => (s ? looseObjects(s, p, seen) : []);
  switch (def.type) {
    case 'object': {
      const own = def.catchall?._zod.def.type === 'never' ? [] : [at];
      return own.concat(...Object.entries(def.shape ?? {}).map(([k, s]) => inner(s, `${at}.${k}`)));
    }
    case 'array':
      return inner(def.element, `${at}[]`);
    case 'union':
      return (def.options ?? []).flatMap((o) => inner(o));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'record':
      return inner(def.valueType, `${at}{}`);
    case 'tuple':
      return (def.items ?? []).flatMap((s, i) => inner(s, `${at}[${i}]`));
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner(def.getter?.());
    default:
      return inner(def.innerType);
  }
}

describe('input rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every request body is a strict object all the way down (unknown fields refused)', () => {
    const loose: string[] = [];
    const writes = t.app.routeCatalogue.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    expect(writes.length).toBeGreaterThan(20);
    for (const r of writes) {
      const body = r.schema?.body as ZodType | undefined;
      if (!body) {
        loose.push(`${r.method} ${r.url}: no body schema`);
        continue;
      }
      for (const p of looseObjects(body)) loose.push(`${r.method} ${r.url}: ${p}`);
    }
    expect(loose).toEqual([]);
  });

  it('a write route without a body schema refuses a body with fields, and takes none or {}', async () => {
    const admin = await t.signIn(await adminName(t));
    // Logout declares no body: nothing and {} are fine, a field is not.
    const refused = await admin.post('/api/auth/logout', { x: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_request');
  });

  it.each([
    ['query', (c: Client) => c.get('/api/agencies?q=a%00b')],
    ['body', (c: Client) => c.post('/api/auth/password-reset/request', { usernameOrEmail: 'a\u0000b' })],
  ])('refuses NUL in the %s with one clear 400 in our shape, before any handler', async (_where, send) => {
    const admin = await t.signIn(await adminName(t));
    const res = await send(admin);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_characters');
    expect(error.th).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('refuses NUL and lone surrogates in JSON strings and keys before any handler runs', async () => {
    const anonymous = t.anonymous();
    for (const payload of [
      '{"username":"a\\u0000","password":"x"}',
      '{"username":"\\ud800","password":"x"}',
      '{"username":"a","password":"x","\\u0000":1}',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
    }
    expect((await anonymous.get('/api/respond/agencies?q=%00')).json().error.code).toBe('invalid_characters');
  });
});

async function adminName(t: TestApp): Promise<string> {
  const { makeUser } = await import('../../test/helpers/factories.ts');
  const u = await makeUser(t.deps.db, { role: 'admin' });
  return u.username;
}
