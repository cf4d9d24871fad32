// Values and JSON edits for the fuzz suite: strings and numbers that break things (NUL, lone surrogates,
// huge, out of range), and mutations of a valid JSON body (set, delete, extra field, NUL inside, wrap).
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Path = (string | number)[];

// ---- values ----
/** Has a UTF-8 form (no lone surrogate): only such text can travel in a URL or a text body unchanged. */
export const wellFormed = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

const EDGE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\ufeff',
  '\u200b',
  '%00',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  'ก่่่่่่่่่่',
  '🏳️‍🌈𝒳',
  ' ',
  '',
  'null',
  '-1',
  '1e999',
];
export const evilString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 12 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(...EDGE_STRINGS),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'ก'.repeat(n)),
);
const evilNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, 1.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 99_999_999_999),
);
export const evilValue: fc.Arbitrary<Json> = fc.oneof(
  evilString,
  evilNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.array(evilString, { maxLength: 3 }),
  fc.dictionary(evilString, evilString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);
const extraKey = fc.oneof(
  fc.constantFrom('x', 'role', 'isAdmin', 'id', 'agencyId', 'constructor', 'k\u0000'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
);
export const evilSegment = fc.oneof(
  evilString.filter((s) => s.length > 0 && s.length < 90 && wellFormed(s)).map(encodeURIComponent),
  fc.constantFrom('%00', '%', '%E0%A4%A', '%ED%A0%80', 'x'.repeat(150), '-1', '99999999999999999999'),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', '1.5', 'null', '%20'),
);

// ---- JSON body edits ----
export function pathsOf(v: Json, at: Path = [], out: { path: Path; value: Json }[] = []) {
  out.push({ path: at, value: v });
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

function edit(
  root: Json,
  path: Path,
  f: (parent: Json[] | Record<string, Json>, key: string | number) => void,
) {
  if (path.length === 0) return;
  let node: Json = root;
  for (const key of path.slice(0, -1)) {
    // An earlier edit may have removed or replaced what this path went through: then there is nothing to edit.
    if (!node || typeof node !== 'object') return;
    node = (node as Record<string, Json>)[key as string] as Json;
  }
  if (node && typeof node === 'object') f(node, path[path.length - 1] as string | number);
}

type Mutation =
  | { op: 'set'; at: Path; value: Json }
  | { op: 'delete'; at: Path }
  | { op: 'extra'; at: Path; key: string; value: Json }
  | { op: 'nul'; at: Path; pos: number }
  | { op: 'wrap' };

export function applyMutation(body: Json, m: Mutation): Json {
  if (m.op === 'wrap') return [body];
  if ((m.op === 'set' || m.op === 'delete') && m.at.length === 0) return m.op === 'set' ? m.value : null;
  const copy = structuredClone(body);
  if (m.op === 'set')
    edit(copy, m.at, (p, k) => {
      (p as Record<string, Json>)[k] = m.value;
    });
  if (m.op === 'delete')
    edit(copy, m.at, (p, k) => (Array.isArray(p) ? p.splice(k as number, 1) : delete p[k as string]));
  if (m.op === 'extra') {
    const target = m.at.length === 0 ? copy : pathsOf(copy).find((e) => same(e.path, m.at))?.value;
    if (target && typeof target === 'object' && !Array.isArray(target)) target[m.key] = m.value;
  }
  if (m.op === 'nul')
    edit(copy, m.at, (p, k) => {
      const v = (p as Record<string, Json>)[k];
      if (typeof v !== 'string') return;
      const s = v;
      const i = m.pos % (s.length + 1);
      (p as Record<string, Json>)[k] = `${s.slice(0, i)}\u0000${s.slice(i)}`;
    });
  return copy;
}

const same = (a: Path, b: Path) => a.length === b.length && a.every((x, i) => x === b[i]);

export function mutationArb(body: Json): fc.Arbitrary<Mutation> {
  const all = pathsOf(body);
  const objects = all.filter((e) => e.value && typeof e.value === 'object' && !Array.isArray(e.value));
  const strings = all.filter((e) => typeof e.value === 'string');
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({
      op: fc.constant('set' as const),
      at: fc.constantFrom(...all.map((e) => e.path)),
      value: evilValue,
    }),
    fc.constant({ op: 'wrap' as const }),
  ];
  if (all.length > 1)
    options.push(
      fc.record({
        op: fc.constant('delete' as const),
        at: fc.constantFrom(...all.slice(1).map((e) => e.path)),
      }),
    );
  if (objects.length)
    options.push(
      fc.record({
        op: fc.constant('extra' as const),
        at: fc.constantFrom(...objects.map((e) => e.path)),
        key: extraKey,
        value: evilValue,
      }),
    );
  if (strings.length)
    options.push(
      fc.record({
        op: fc.constant('nul' as const),
        at: fc.constantFrom(...strings.map((e) => e.path)),
        pos: fc.nat(),
      }),
    );
  return fc.oneof(...options);
}
