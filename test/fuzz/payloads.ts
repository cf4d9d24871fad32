// Malformed and near-valid requests for one route, built from a valid request (a matrix case's) and the
// route's zod schemas: wrong types, missing and extra fields, huge strings, NUL and other unicode edge cases,
// numbers out of range, arrays for objects, bad ids in the path, bad query values, broken JSON, wrong content
// types and multipart garbage. Each attempt says whether the server *must* refuse it — the route's own
// schema refuses it, or it holds text the database cannot store — so the suite can hold it to a 4xx.
import fc from 'fast-check';
import type { ZodType } from 'zod';
import { findUnstorableText } from '../../src/core/input/text.ts';
import {
  applyMutation,
  evilSegment,
  evilString,
  type Json,
  mutationArb,
  pathsOf,
  wellFormed,
} from './mutations.ts';

export interface RouteSchemas {
  body?: ZodType;
  params?: ZodType;
  querystring?: ZodType;
  consumes?: string[];
}

export interface Seed {
  method: string;
  /** The route's template, e.g. /api/agencies/:id. */
  routePath: string;
  /** A valid request's URL (query string allowed). */
  url: string;
  /** A valid request's body: JSON, or the raw text/bytes of `contentType`. */
  body: unknown;
  contentType?: string;
  schemas: RouteSchemas;
}

export interface Attempt {
  kind: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The route's schema (or the storable-text rule) refuses it: anything but a 4xx is a defect. */
  mustReject: boolean;
}

// ---- the oracle: would the route's own schema (and the storable-text rule) refuse this value? ----
export function refuses(schema: ZodType | undefined, value: unknown): boolean {
  if (!schema) return findUnstorableText(value, '') !== null;
  try {
    const parsed = schema.safeParse(value);
    return !parsed.success || findUnstorableText(parsed.data, '') !== null;
  } catch {
    return false; // an async refinement: the server decides; the attempt is only held to "no 5xx"
  }
}

// ---- URL pieces ----
interface UrlParts {
  segments: string[];
  /** Index of each path parameter's segment. */
  params: Map<string, number>;
  query: Record<string, string>;
}

function splitUrl(seed: Seed): UrlParts {
  const [path = '', search = ''] = seed.url.split('?');
  const segments = path.split('/');
  const params = new Map<string, number>();
  seed.routePath.split('/').forEach((part, i) => {
    if (part.startsWith(':')) params.set(part.slice(1), i);
  });
  return { segments, params, query: Object.fromEntries(new URLSearchParams(search)) };
}

const joinUrl = (segments: string[], query: Record<string, string>, rawQuery = '') => {
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .concat(rawQuery ? [rawQuery] : [])
    .join('&');
  return `${segments.join('/')}${qs ? `?${qs}` : ''}`;
};

const decodedParams = (parts: UrlParts): Record<string, string> | null => {
  try {
    return Object.fromEntries(
      [...parts.params].map(([name, i]) => [name, decodeURIComponent(parts.segments[i] ?? '')]),
    );
  } catch {
    return null;
  }
};

// ---- whole attempts ----
const JSON_TYPE = 'application/json';
const OTHER_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'text/csv',
  'application/octet-stream',
  'multipart/form-data',
];

/** Multipart bodies no parser can make sense of: no boundary, garbage, cut short, a NUL in the file name. */
export function multipartGarbage(garbage: string): { type: string; payload: string }[] {
  const b = 'fuzzboundary';
  const part = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\nname,phone\r\n`;
  return [
    { type: 'multipart/form-data', payload: garbage },
    { type: `multipart/form-data; boundary=${b}`, payload: garbage },
    { type: `multipart/form-data; boundary=${b}`, payload: part },
    {
      type: `multipart/form-data; boundary=${b}`,
      payload: `--${b}\r\nContent-Disposition: form-data\r\n\r\n`,
    },
    {
      type: `multipart/form-data; boundary=${b}`,
      payload: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\n\r\nx\u0000y\r\n--${b}--\r\n`,
    },
  ];
}

export class AttemptBuilder {
  private readonly parts: UrlParts;
  private readonly jsonBody: boolean;

  constructor(private readonly seed: Seed) {
    this.parts = splitUrl(seed);
    this.jsonBody = seed.contentType === undefined && seed.method !== 'GET' && seed.method !== 'DELETE';
  }

  private accepts(type: string): boolean {
    const base = type.split(';')[0]?.trim() ?? '';
    return [this.seed.contentType, ...(this.seed.schemas.consumes ?? [])].some(
      (t) => t?.split(';')[0] === base,
    );
  }

  private url(segments = this.parts.segments, query = this.parts.query) {
    return joinUrl(segments, query);
  }

  private paramsRefused(segments: string[]): boolean {
    const decoded = decodedParams({ ...this.parts, segments });
    if (decoded === null) return true; // bad URL encoding
    if (Object.values(decoded).some((v) => Buffer.byteLength(v) > 100)) return true; // 414
    return refuses(this.seed.schemas.params, decoded);
  }

  /** A JSON body (value) sent to the seed's URL. */
  json(kind: string, value: Json | undefined, extra: Partial<Attempt> = {}): Attempt {
    const payload = value === undefined ? undefined : JSON.stringify(value);
    const parsed = payload === undefined ? undefined : JSON.parse(payload);
    return {
      kind,
      url: this.url(),
      headers: payload === undefined ? {} : { 'content-type': JSON_TYPE },
      payload,
      mustReject: refuses(this.seed.schemas.body, parsed),
      ...extra,
    };
  }

  /** The fixed edge cases every route gets, whatever fast-check draws. */
  fixed(): Attempt[] {
    const out: Attempt[] = [];
    const { params, segments } = this.parts;
    for (const [name, i] of params) {
      for (const bad of ['%00', '%', '%ED%A0%80', 'x'.repeat(150), 'a%00b']) {
        const s = segments.slice();
        s[i] = bad;
        out.push({ ...this.base(`param ${name}=${bad.slice(0, 12)}`, s), mustReject: true });
      }
    }
    const queryKey = Object.keys(this.parts.query)[0] ?? this.queryKeys()[0] ?? 'x';
    out.push({
      ...this.base(`query ${queryKey}=NUL`, segments, { ...this.parts.query, [queryKey]: '\u0000' }),
      mustReject: this.queryKeys().includes(queryKey) || this.seed.schemas.querystring === undefined,
    });
    // Headers the server reads as data: a session cookie and a CSRF token holding NUL or garbage.
    for (const [name, value] of [
      ['cookie', 'prongsai_sid=a%00b'],
      ['cookie', 'prongsai_sid=a%00b.c2lnbmF0dXJl'],
      ['x-csrf-token', 'a\u0000b'],
    ] as const) {
      const base = this.base(`header ${name}`, segments);
      out.push({ ...base, headers: { ...base.headers, [name]: value }, mustReject: false });
    }
    if (this.seed.method === 'GET') return out;

    const bodies = this.jsonBody ? this.jsonSeed() : undefined;
    if (bodies !== undefined) {
      const all = pathsOf(bodies);
      const nulled = all.reduce<Json>(
        (b, e) => (typeof e.value === 'string' ? applyMutation(b, { op: 'nul', at: e.path, pos: 1 }) : b),
        bodies,
      );
      if (all.some((e) => typeof e.value === 'string')) out.push(this.json('every string with NUL', nulled));
      if (bodies && typeof bodies === 'object' && !Array.isArray(bodies))
        out.push(this.json('unknown field', { ...bodies, unexpectedField: 1 }));
      out.push(this.json('array for object', [bodies]));
    }
    out.push(this.json('body null', null), this.json('body []', []), this.json('body "x"', 'x'));
    out.push(this.json('unknown field only', { x: 1 }));
    const raw = (kind: string, type: string, payload: string | Buffer, mustReject = !this.accepts(type)) =>
      out.push({ kind, url: this.url(), headers: { 'content-type': type }, payload, mustReject });
    raw('broken JSON', JSON_TYPE, '{"a":', true);
    raw('empty JSON', JSON_TYPE, '', true);
    raw('prototype pollution', JSON_TYPE, '{"__proto__":{"admin":true}}', true);
    raw('huge body', JSON_TYPE, `{"x":"${'a'.repeat(2 * 1024 * 1024 + 10)}"}`, true);
    raw('text/plain', 'text/plain', 'hello');
    raw('xml', 'application/xml', '<a>1</a>');
    for (const m of multipartGarbage('\u0000garbage\r\n--'))
      raw(`multipart ${m.type.slice(20, 40)}`, m.type, m.payload, true);
    return out;
  }

  private queryKeys(): string[] {
    const shape = (this.seed.schemas.querystring as { shape?: Record<string, unknown> } | undefined)?.shape;
    return shape ? Object.keys(shape) : [];
  }

  private base(kind: string, segments: string[], query = this.parts.query): Attempt {
    const body = this.jsonBody ? this.jsonSeed() : undefined;
    return {
      kind,
      url: this.url(segments, query),
      headers: body === undefined ? {} : { 'content-type': JSON_TYPE },
      payload: body === undefined ? undefined : JSON.stringify(body),
      mustReject: false,
    };
  }

  private jsonSeed(): Json | undefined {
    return this.seed.body === undefined ? undefined : (this.seed.body as Json);
  }

  /** Random attempts: body mutations, bad path parameters, bad query values, broken transport. */
  random(): fc.Arbitrary<Attempt> | null {
    const options: fc.Arbitrary<Attempt>[] = [];
    const { params, segments, query } = this.parts;
    if (params.size)
      options.push(
        fc.tuple(fc.constantFrom(...params.keys()), evilSegment).map(([name, bad]) => {
          const s = segments.slice();
          s[params.get(name) as number] = bad;
          return { ...this.base(`param ${name}`, s), mustReject: this.paramsRefused(s) };
        }),
      );
    const keys = [...new Set([...Object.keys(query), ...this.queryKeys()])];
    if (keys.length)
      options.push(
        fc
          .tuple(
            fc.constantFrom(...keys),
            evilString.filter((s) => wellFormed(s) && s.length < 2000),
          )
          .map(([k, v]) => {
            const q = { ...query, [k]: v };
            return {
              ...this.base(`query ${k}`, segments, q),
              mustReject: refuses(this.seed.schemas.querystring, q),
            };
          }),
      );
    const body = this.jsonBody ? this.jsonSeed() : undefined;
    if (this.seed.method !== 'GET') {
      const start = body ?? {};
      options.push(
        fc.array(mutationArb(start), { minLength: 1, maxLength: 3 }).map((ms) => {
          const mutated = ms.reduce<Json>((b, m) => applyMutation(b, m), start);
          return this.json(`body ${ms.map((m) => m.op).join('+')}`, mutated);
        }),
        fc.tuple(fc.nat(), fc.constantFrom(...OTHER_TYPES, JSON_TYPE)).map(([cut, type]) => {
          const text = this.seed.contentType ? String(this.seed.body) : JSON.stringify(start);
          const payload = text.slice(0, cut % Math.max(text.length, 1));
          let mustReject = !this.accepts(type) && type !== JSON_TYPE;
          if (type === JSON_TYPE) {
            try {
              mustReject = refuses(this.seed.schemas.body, JSON.parse(payload));
            } catch {
              mustReject = true;
            }
          }
          return {
            kind: `cut at ${payload.length} as ${type}`,
            url: this.url(),
            headers: { 'content-type': type },
            payload,
            mustReject,
          };
        }),
      );
      if (this.seed.contentType)
        options.push(
          fc.tuple(fc.nat(), evilString).map(([at, s]) => {
            const text = String(this.seed.body);
            const i = at % (text.length + 1);
            const payload = `${text.slice(0, i)}${s}${text.slice(i)}`;
            return {
              kind: 'file edit',
              url: this.url(),
              headers: { 'content-type': this.seed.contentType as string },
              payload,
              mustReject: payload.includes('\u0000'),
            };
          }),
        );
    }
    return options.length ? fc.oneof(...options) : null;
  }
}
